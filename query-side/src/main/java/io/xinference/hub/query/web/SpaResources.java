package io.xinference.hub.query.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Serves the web UI that the {@code ui} module packs under {@code META-INF/resources/}. A path that is no file
 * and no API — {@code /}, {@code /models/detail/QwQ-32B} (the link Xinference's UI shows), any client-side
 * route — answers {@code index.html}, so deep links and reloads work. Without the ui jar on the classpath those
 * paths are plain 404s and the APIs are unaffected.
 */
@Configuration(proxyBeanMethods = false)
public class SpaResources implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/META-INF/resources/";
    private static final List<String> NOT_SPA = List.of("api/", "v3/", "swagger-ui", "actuator");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Vite fingerprints everything under assets/: cache it for good. The ui build writes .br and .gz copies
        // of each text file; the encoded resolver answers with the one the browser accepts (Vary: Accept-Encoding)
        registry.addResourceHandler("/assets/**").addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/**").addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new SpaFallbackResolver());
    }

    static final class SpaFallbackResolver extends PathResourceResolver {
        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource resource = resourcePath.isEmpty() ? null : super.getResource(resourcePath, location);
            if (resource != null) {
                return resource;
            }
            if (!isSpaRoute(resourcePath)) {
                return null;
            }
            Resource index = new ClassPathResource("META-INF/resources/index.html");
            return index.exists() ? index : null;
        }
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/index.html");
    }

    /**
     * A client-side route: not an API, and either a model page (model names may contain dots, e.g.
     * {@code Qwen2.5-7B}) or no file (no extension in the last segment).
     */
    static boolean isSpaRoute(String path) {
        if (NOT_SPA.stream().anyMatch(path::startsWith)) {
            return false;
        }
        if (path.startsWith("models/")) {
            return true;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
