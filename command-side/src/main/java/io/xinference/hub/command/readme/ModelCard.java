package io.xinference.hub.command.readme;

/**
 * A model card fetched for the registration form.
 *
 * @param source    the address it was read from
 * @param readme    markdown without front matter, at most {@code hub.readme.max-size} characters
 * @param truncated whether the card was longer and was cut
 */
public record ModelCard(String hub, String modelId, String revision, String source, String readme,
                        boolean truncated) {
}
