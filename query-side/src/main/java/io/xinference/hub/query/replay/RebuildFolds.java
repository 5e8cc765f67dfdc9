package io.xinference.hub.query.replay;

import io.xinference.hub.query.catalogue.CatalogueProjection;
import io.xinference.hub.query.reviewqueue.ReviewQueueProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rebuilds of the model read models, each made from the descriptor its live projection uses. */
@Configuration(proxyBeanMethods = false)
public class RebuildFolds {

    @Bean
    RebuildFold catalogueFold() {
        return new ModelReadModelFold<>(CatalogueProjection.READ_MODEL);
    }

    @Bean
    RebuildFold reviewQueueFold() {
        return new ModelReadModelFold<>(ReviewQueueProjection.READ_MODEL);
    }
}
