package io.xinference.hub.query.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.net.ssl.SSLContext;

/**
 * The Elasticsearch client (Spring Boot's auto-configuration: {@code spring.elasticsearch.uris}, and the
 * credentials {@code HUB_ES_USERNAME} / {@code HUB_ES_PASSWORD}) maps documents with the application's own
 * ObjectMapper, so Java time and our enums look the same in the index as on the wire.
 */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchConfiguration {

    @Bean
    JsonpMapper jsonpMapper(ObjectMapper objectMapper) {
        return new JacksonJsonpMapper(objectMapper.copy());
    }

    /**
     * A cluster with TLS on its HTTP layer (the production compose file) signs its certificates with a CA of its
     * own: {@code HUB_ES_CA_CERT} names that CA's PEM file, which is then the only trust anchor for
     * Elasticsearch (host names are still verified).
     */
    @Bean
    @ConditionalOnExpression("'${hub.elasticsearch.ca-certificate:}' != ''")
    RestClientBuilderCustomizer trustClusterCa(@Value("${hub.elasticsearch.ca-certificate}") String caCertificate) {
        SSLContext tls = SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(
                caCertificate.startsWith("classpath:") || caCertificate.contains(":/") ? caCertificate
                        : "file:" + caCertificate))).createSslContext();
        return new RestClientBuilderCustomizer() {
            @Override
            public void customize(RestClientBuilder builder) {
            }

            @Override
            public void customize(HttpAsyncClientBuilder http) {
                // Boot's own callback runs this next to its credentials provider; replacing the callback would drop it
                http.setSSLContext(tls);
            }
        };
    }
}
