package io.xinference.hub.platform;

import io.xinference.hub.events.upcasting.ModelRejectedUpcaster;
import io.xinference.hub.platform.web.CorrelationIdFilter;
import io.xinference.hub.platform.web.PrintableText;
import io.xinference.hub.security.HubJwtAuthenticationConverter;
import io.xinference.hub.security.HubJwtDecoders;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import javax.sql.DataSource;

/**
 * What both apps share without writing it twice: correlation ids on every request, and the token decoding and
 * permission mapping of {@code io.xinference.hub.security}. Properties: {@code hub.security.issuer-uri},
 * {@code hub.security.jwk-set-uri} (defaults to the issuer's certs endpoint), {@code hub.security.audience}.
 */
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HubPlatformAutoConfiguration {

    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        // before Spring Security, so refused requests are logged with their ids too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Instances starting together on a fresh database initialize each processor's token segments once
     * ({@link SerializedSegmentInitialization}); applies to whatever token store Axon configured.
     */
    @Bean
    static BeanPostProcessor serializedSegmentInitialization(ObjectProvider<DataSource> dataSource) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof TokenStore store && !(bean instanceof SerializedSegmentInitialization)) {
                    DataSource source = dataSource.getIfAvailable();
                    return source == null ? bean : new SerializedSegmentInitialization(store, source);
                }
                return bean;
            }
        };
    }

    /** Old event shapes read through their upcasters; Axon registers every EventUpcaster bean in its chain. */
    @Bean
    public ModelRejectedUpcaster modelRejectedUpcaster() {
        return new ModelRejectedUpcaster();
    }

    /** Spring Security's default firewall, with its character rule checked without a regular expression. */
    @Bean
    @ConditionalOnClass(StrictHttpFirewall.class)
    @ConditionalOnMissingBean(HttpFirewall.class)
    public HttpFirewall hubHttpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(PrintableText.NAMES);
        firewall.setAllowedHeaderValues(PrintableText.HEADER_VALUES);
        firewall.setAllowedParameterNames(PrintableText.NAMES);
        return firewall;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JwtDecoder.class)
    @ConditionalOnProperty("hub.security.issuer-uri")
    static class TokenConfiguration {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder hubJwtDecoder(@Value("${hub.security.issuer-uri}") String issuerUri,
                                 @Value("${hub.security.jwk-set-uri:}") String jwkSetUri,
                                 @Value("${hub.security.audience:models-hub-api}") String audience) {
            String keys = jwkSetUri.isBlank() ? issuerUri + "/protocol/openid-connect/certs" : jwkSetUri;
            return HubJwtDecoders.create(issuerUri, keys, audience);
        }

        @Bean
        @ConditionalOnMissingBean
        HubJwtAuthenticationConverter hubJwtAuthenticationConverter(
                @Value("${hub.security.audience:models-hub-api}") String audience) {
            return new HubJwtAuthenticationConverter(audience);
        }
    }
}
