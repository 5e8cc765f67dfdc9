package io.xinference.hub.command.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xinference.hub.command.model.ApproveSubmission;
import io.xinference.hub.command.model.ModelChanged;
import io.xinference.hub.command.model.RejectSubmission;
import io.xinference.hub.command.model.SubmitForReview;
import io.xinference.hub.command.model.WithdrawSubmission;
import io.xinference.hub.command.web.ModelCommands;
import io.xinference.hub.command.web.RequestBodyTooLargeException;
import io.xinference.hub.command.web.RequestLimits;
import io.xinference.hub.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.xinference.hub.command.web.ModelVersions.expectedVersion;

@RestController
@RequestMapping("/api/registry/models/{id}")
@Tag(name = "review")
class ReviewController {

    /** Feedback is checked by the rules (mandatory, not blank: 422), not by bean validation. */
    record RejectionRequest(String feedback) {
    }

    private final ModelCommands commands;
    private final RequestLimits limits;

    ReviewController(ModelCommands commands, RequestLimits limits) {
        this.commands = commands;
        this.limits = limits;
    }

    @Operation(summary = "Submit for review, or resubmit after a rejection (owner)")
    @PostMapping("/submission")
    ResponseEntity<ModelChanged> submit(@PathVariable String id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Authentication authentication) {
        return commands.send(new SubmitForReview(id, expectedVersion(ifMatch), CurrentUser.of(authentication)));
    }

    @Operation(summary = "Withdraw the open submission (owner)")
    @DeleteMapping("/submission")
    ResponseEntity<ModelChanged> withdraw(@PathVariable String id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          Authentication authentication) {
        return commands.send(new WithdrawSubmission(id, expectedVersion(ifMatch), CurrentUser.of(authentication)));
    }

    @Operation(summary = "Approve the open review round (review permission, not on one's own submission)")
    @PostMapping("/approval")
    ResponseEntity<ModelChanged> approve(@PathVariable String id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         Authentication authentication) {
        return commands.send(new ApproveSubmission(id, expectedVersion(ifMatch), CurrentUser.of(authentication)));
    }

    @Operation(summary = "Reject the open review round with feedback")
    @PostMapping("/rejection")
    ResponseEntity<ModelChanged> reject(@PathVariable String id, @RequestBody RejectionRequest body,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        Authentication authentication) throws RequestBodyTooLargeException {
        limits.checkFeedback(body.feedback());
        return commands.send(new RejectSubmission(id, expectedVersion(ifMatch), body.feedback(),
                CurrentUser.of(authentication)));
    }
}
