package io.xinference.hub.query.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch client (Spring Boot's auto-configuration, {@code spring.elasticsearch.uris}) maps documents
 * with the application's own ObjectMapper, so Java time and our enums look the same in the index as on the wire.
 */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchConfiguration {

    @Bean
    JsonpMapper jsonpMapper(ObjectMapper objectMapper) {
        return new JacksonJsonpMapper(objectMapper.copy());
    }
}
