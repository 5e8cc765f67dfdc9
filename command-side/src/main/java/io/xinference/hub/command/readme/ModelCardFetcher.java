package io.xinference.hub.command.readme;

import io.xinference.hub.command.readme.ModelCardProblem.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads a model's {@code README.md} from Hugging Face or ModelScope, bounded in time and size, without its front
 * matter. The model id and revision are checked before they become part of a URL, so a request cannot steer the
 * hub's server anywhere but the configured model hubs.
 */
public class ModelCardFetcher {

    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");

    private final ReadmeProperties properties;
    private final HttpClient http;

    public ModelCardFetcher(ReadmeProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public ModelCard fetch(String hubName, String modelId, String revisionOrNull) {
        SourceHub hub = SourceHub.fromWire(hubName).orElseThrow(() -> new ModelCardProblem(Kind.INVALID_REQUEST,
                "hub must be huggingface or modelscope"));
        if (modelId == null || !MODEL_ID.matcher(modelId).matches() || modelId.contains("..")) {
            throw new ModelCardProblem(Kind.INVALID_REQUEST, "modelId must look like owner/name");
        }
        String revision = revisionOrNull == null || revisionOrNull.isBlank() ? hub.defaultRevision() : revisionOrNull;
        if (!REVISION.matcher(revision).matches() || revision.contains("..")) {
            throw new ModelCardProblem(Kind.INVALID_REQUEST, "revision must be a branch, tag or commit id");
        }
        URI source = hub.readmeUri(properties, modelId, revision);
        byte[] body = download(source, hub, modelId);
        boolean cutOnDownload = body.length > properties.maxDownload().toBytes();
        String text = decode(body, (int) Math.min(body.length, properties.maxDownload().toBytes()));
        String readme = FrontMatter.strip(text);
        int maxChars = (int) properties.maxSize().toBytes();
        boolean truncated = cutOnDownload || readme.length() > maxChars;
        if (readme.length() > maxChars) {
            readme = readme.substring(0, Character.isHighSurrogate(readme.charAt(maxChars - 1)) ? maxChars - 1 : maxChars);
        }
        return new ModelCard(hub.wire(), modelId, revision, source.toString(), readme, truncated);
    }

    private byte[] download(URI source, SourceHub hub, String modelId) {
        HttpRequest request = HttpRequest.newBuilder(source)
                .timeout(properties.timeout())
                .header("Accept", "text/markdown, text/plain, */*")
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ModelCardProblem(Kind.UPSTREAM_FAILED, hub.wire() + " could not be reached (" + why(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelCardProblem(Kind.UPSTREAM_FAILED, "interrupted while reading from " + hub.wire());
        }
        try (InputStream in = response.body()) {
            int status = response.statusCode();
            if (status == 404) {
                throw new ModelCardProblem(Kind.NOT_FOUND, hub.wire() + " has no README.md for " + modelId);
            }
            if (status < 200 || status >= 300) {
                throw new ModelCardProblem(Kind.UPSTREAM_FAILED, hub.wire() + " answered " + status);
            }
            // one byte more than the cap tells "exactly the cap" from "cut"
            return in.readNBytes((int) properties.maxDownload().toBytes() + 1);
        } catch (IOException e) {
            throw new ModelCardProblem(Kind.UPSTREAM_FAILED, "reading the card from " + hub.wire() + " failed ("
                    + why(e) + ")");
        }
    }

    /** Many I/O exceptions (a refused connection, a timeout) carry no message: name what happened instead of "null". */
    static String why(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** UTF-8, dropping a character the size cap cut in half. */
    private static String decode(byte[] body, int length) {
        String text = new String(Arrays.copyOf(body, length), StandardCharsets.UTF_8);
        return length < body.length && text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
    }
}
