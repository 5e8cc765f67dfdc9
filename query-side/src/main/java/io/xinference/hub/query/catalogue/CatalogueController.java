package io.xinference.hub.query.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.pullrequests.PullRequests;
import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.NotFoundException;
import io.xinference.hub.query.web.RequestLimits;
import io.xinference.hub.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Browse, search and open models: what the web UI's catalogue pages call. */
@RestController
@RequestMapping("/api/catalogue")
public class CatalogueController {

    private static final int DEFAULT_SUGGESTIONS = 8, MAX_SUGGESTIONS = 20;

    private final CatalogueSearch search;
    private final CatalogueReader reader;
    private final ReadYourWrites readYourWrites;
    private final PullRequests pullRequests;

    public CatalogueController(CatalogueSearch search, CatalogueReader reader, ReadYourWrites readYourWrites,
                               PullRequests pullRequests) {
        this.search = search;
        this.reader = reader;
        this.readYourWrites = readYourWrites;
        this.pullRequests = pullRequests;
    }

    @Operation(summary = "Search the models the caller may see, with facet counts and a search_after cursor")
    @GetMapping("/models")
    public SearchPage search(@RequestParam(required = false) String q,
                             @RequestParam(required = false) List<String> type,
                             @RequestParam(required = false) List<String> ability,
                             @RequestParam(required = false) List<String> language,
                             @RequestParam(required = false) List<String> format,
                             @RequestParam(required = false) Double minSize,
                             @RequestParam(required = false) Double maxSize,
                             @RequestParam(required = false) List<String> status,
                             @RequestParam(required = false) List<String> visibility,
                             @RequestParam(required = false) String owner,
                             @Parameter(description = "updated | name | featured (default: relevance with q, else updated)")
                             @RequestParam(required = false) String sort,
                             @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer size,
                             Authentication authentication) {
        CatalogueFilters filters = filters(q, type, ability, language, format, minSize, maxSize, status,
                visibility, owner, sort, cursor, size);
        return search.search(filters, CurrentUser.of(authentication), false);
    }

    @Operation(summary = "Model names completing what is typed (name words and prefixes, one typo on longer words), "
            + "among the models the caller may see; matched parts between U+E000 and U+E001 in 'highlighted'")
    @GetMapping("/suggestions")
    public List<CatalogueSearch.Suggestion> suggestions(@RequestParam(required = false) String q,
                                                        @RequestParam(required = false) Integer size,
                                                        Authentication authentication) {
        String text = RequestLimits.query(q, "q");
        if (size != null && (size < 1 || size > MAX_SUGGESTIONS)) {
            throw new BadRequestException("size", "size must be between 1 and " + MAX_SUGGESTIONS);
        }
        return text == null ? List.of()
                : search.suggest(text, CurrentUser.of(authentication), size == null ? DEFAULT_SUGGESTIONS : size);
    }

    @Operation(summary = "The caller's own models (any status), same shape as search")
    @GetMapping("/my-models")
    public SearchPage myModels(@RequestParam(required = false) String q,
                               @RequestParam(required = false) List<String> type,
                               @RequestParam(required = false) List<String> status,
                               @RequestParam(required = false) List<String> visibility,
                               @RequestParam(required = false) String sort,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Integer size,
                               Authentication authentication) {
        CatalogueFilters filters = filters(q, type, null, null, null, null, null, status, visibility, null, sort,
                cursor, size);
        return search.search(filters, CurrentUser.of(authentication), true);
    }

    @Operation(summary = "A model by id; minVersion waits up to 5 s for the projection (read-your-writes)")
    @GetMapping("/models/{id}")
    public ModelDetail byId(@PathVariable String id, @RequestParam(required = false) Long minVersion,
                            Authentication authentication) {
        identifier(id, "id");
        return visible(readYourWrites.await(() -> reader.byId(id), minVersion), CurrentUser.of(authentication), id);
    }

    @Operation(summary = "A model by name; minVersion waits up to 5 s for the projection (read-your-writes)")
    @GetMapping("/models/by-name/{name}")
    public ModelDetail byName(@PathVariable String name, @RequestParam(required = false) Long minVersion,
                              Authentication authentication) {
        identifier(name, "name");
        // the name → id lookup needs a refreshed index; the version check after it is real-time
        return visible(readYourWrites.await(() -> reader.byName(name).flatMap(d -> reader.byId(d.modelId())),
                minVersion), CurrentUser.of(authentication), name);
    }

    private ModelDetail visible(ReadYourWrites.Result result, CurrentUser user, String key) {
        // a model the caller may not see answers exactly like one that does not exist
        CatalogueDocument document = result.document()
                .filter(d -> d.visibleTo(user))
                .orElseThrow(() -> new NotFoundException("no model " + key));
        return ModelDetail.of(document, pullRequests.of(document.modelId()), result.stale());
    }

    static CatalogueFilters filters(String q, List<String> type, List<String> ability, List<String> language,
                                    List<String> format, Double minSize, Double maxSize, List<String> status,
                                    List<String> visibility, String owner, String sort, String cursor,
                                    Integer size) {
        String text = RequestLimits.query(q, "q");
        if (minSize != null && maxSize != null && minSize > maxSize) {
            throw new BadRequestException("minSize", "minSize must not exceed maxSize");
        }
        return new CatalogueFilters(text,
                parse(type, "type", v -> ModelType.fromWire(v).orElse(null)),
                values(ability, "ability"), values(language, "language"), values(format, "format"),
                minSize, maxSize,
                parse(status, "status", v -> enumValue(ModelStatus.class, v)),
                parse(visibility, "visibility", v -> enumValue(Visibility.class, v)),
                RequestLimits.query(owner, "owner"), CatalogueSort.parse(sort, text != null),
                cursor == null || cursor.isBlank() ? null : cursor, RequestLimits.pageSize(size));
    }

    private static List<String> values(List<String> values, String parameter) {
        return parse(values, parameter, v -> v.length() <= 100 ? v : null);
    }

    private static <T> List<T> parse(List<String> values, String parameter, Function<String, T> parser) {
        if (values == null) {
            return List.of();
        }
        List<String> present = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (present.size() > RequestLimits.MAX_FILTER_VALUES) {
            throw new BadRequestException(parameter, "at most " + RequestLimits.MAX_FILTER_VALUES + " values");
        }
        return present.stream().map(v -> Optional.ofNullable(parser.apply(v)).orElseThrow(() ->
                new BadRequestException(parameter, "unknown " + parameter + " '" + v + "'"))).toList();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
    }

    private static void identifier(String value, String parameter) {
        if (value.length() > 200) {
            throw new BadRequestException(parameter, parameter + " too long");
        }
    }
}
