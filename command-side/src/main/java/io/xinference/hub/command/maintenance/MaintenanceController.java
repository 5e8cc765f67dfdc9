package io.xinference.hub.command.maintenance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xinference.hub.command.maintenance.MaintenanceRequests.DefinitionRequest;
import io.xinference.hub.command.maintenance.MaintenanceRequests.ExpirationRequest;
import io.xinference.hub.command.maintenance.MaintenanceRequests.ReadmeRequest;
import io.xinference.hub.command.model.DeleteModel;
import io.xinference.hub.command.model.ExpireModel;
import io.xinference.hub.command.model.ModelChanged;
import io.xinference.hub.command.model.SetExpirationDate;
import io.xinference.hub.command.model.UpdateDefinition;
import io.xinference.hub.command.model.UpdateReadme;
import io.xinference.hub.command.web.ModelCommands;
import io.xinference.hub.command.web.RequestBodyTooLargeException;
import io.xinference.hub.command.web.RequestLimits;
import io.xinference.hub.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.xinference.hub.command.web.ModelVersions.expectedVersion;

@RestController
@RequestMapping("/api/registry/models/{id}")
@Tag(name = "maintenance")
class MaintenanceController {

    private final ModelCommands commands;
    private final RequestLimits limits;

    MaintenanceController(ModelCommands commands, RequestLimits limits) {
        this.commands = commands;
        this.limits = limits;
    }

    @Operation(summary = "Replace the definition")
    @PutMapping("/definition")
    ResponseEntity<ModelChanged> replaceDefinition(@PathVariable String id, @Valid @RequestBody DefinitionRequest body,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   Authentication authentication) throws RequestBodyTooLargeException {
        limits.checkDefinition(body.definition());
        return commands.send(new UpdateDefinition(id, expectedVersion(ifMatch), body.definition(),
                CurrentUser.of(authentication)));
    }

    @Operation(summary = "Replace the README")
    @PutMapping("/readme")
    ResponseEntity<ModelChanged> replaceReadme(@PathVariable String id, @Valid @RequestBody ReadmeRequest body,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               Authentication authentication) throws RequestBodyTooLargeException {
        limits.checkReadme(body.readme());
        return commands.send(new UpdateReadme(id, expectedVersion(ifMatch), body.readme(), CurrentUser.of(authentication)));
    }

    @Operation(summary = "Set, change or clear (null) the expiration date")
    @PutMapping("/expiration")
    ResponseEntity<ModelChanged> setExpiration(@PathVariable String id, @RequestBody ExpirationRequest body,
                                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                               Authentication authentication) {
        return commands.send(new SetExpirationDate(id, expectedVersion(ifMatch), body.expiresAt(),
                CurrentUser.of(authentication)));
    }

    @Operation(summary = "Expire now")
    @PostMapping("/expiry")
    ResponseEntity<ModelChanged> expireNow(@PathVariable String id,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           Authentication authentication) {
        return commands.send(new ExpireModel(id, expectedVersion(ifMatch), CurrentUser.of(authentication)));
    }

    @Operation(summary = "Delete (the name becomes free again; the history stays)")
    @DeleteMapping
    ResponseEntity<ModelChanged> delete(@PathVariable String id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Authentication authentication) {
        return commands.send(new DeleteModel(id, expectedVersion(ifMatch), CurrentUser.of(authentication)));
    }
}
