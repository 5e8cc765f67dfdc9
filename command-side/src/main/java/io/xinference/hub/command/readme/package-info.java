/**
 * "Get README" for the registration form: {@code GET /api/registry/readme?hub=huggingface|modelscope&modelId=
 * owner/name&revision=...} reads the model card from Hugging Face ({@code {url}/{id}/raw/{revision}/README.md},
 * revision {@code main} by default) or ModelScope's raw-file API ({@code {url}/api/v1/models/{id}/repo?Revision=
 * ...&FilePath=README.md}, revision {@code master} by default), strips the YAML front matter, reads at most
 * {@code hub.readme.max-download} (1 MB) and returns at most {@code hub.readme.max-size} (128 KB, the
 * registration's README limit) with {@code truncated}. Answers: 400 for a bad hub/id/revision (checked before any
 * call), 404 when the hub has no card, 502 when it fails or exceeds {@code hub.readme.timeout} (10 s).
 * {@code POST /api/registry/readme/template {modelType, definition}} writes a README from the definition for the
 * UI to use instead on 404/502.
 */
package io.xinference.hub.command.readme;
