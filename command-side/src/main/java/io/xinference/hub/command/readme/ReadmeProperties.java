package io.xinference.hub.command.readme;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Where model cards are fetched from and how much of them ({@code hub.readme.*}).
 *
 * @param huggingfaceUrl Hugging Face; a card is {@code {url}/{modelId}/raw/{revision}/README.md}
 * @param modelscopeUrl  ModelScope; a card is {@code {url}/api/v1/models/{modelId}/repo?Revision=..&FilePath=README.md}
 * @param maxDownload    bytes read from the hub at most; a bigger card is cut there
 * @param maxSize        characters returned at most, the registration's README limit
 * @param timeout        connect and whole-request timeout
 */
@ConfigurationProperties("hub.readme")
public record ReadmeProperties(String huggingfaceUrl, String modelscopeUrl, DataSize maxDownload, DataSize maxSize,
                               Duration timeout) {

    public ReadmeProperties {
        huggingfaceUrl = withoutTrailingSlash(huggingfaceUrl == null ? "https://huggingface.co" : huggingfaceUrl);
        modelscopeUrl = withoutTrailingSlash(modelscopeUrl == null ? "https://modelscope.cn" : modelscopeUrl);
        maxDownload = maxDownload == null ? DataSize.ofMegabytes(1) : maxDownload;
        maxSize = maxSize == null ? DataSize.ofKilobytes(128) : maxSize;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
