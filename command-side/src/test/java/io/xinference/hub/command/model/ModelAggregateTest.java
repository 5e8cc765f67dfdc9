package io.xinference.hub.command.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.command.definition.DefinitionValidator;
import io.xinference.hub.command.definition.InvalidDefinitionException;
import io.xinference.hub.command.definition.RealFixtures;
import io.xinference.hub.command.definition.Violation;
import io.xinference.hub.command.model.ModelRuleViolation.Refusal;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ExpiryCause;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelReadmeUpdated;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmissionWithdrawn;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.xinference.hub.command.model.Personas.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the user guide's permission matrix and the model lifecycle, allowed and refused, per persona. */
class ModelAggregateTest {

    private static final String ID = "model-1";
    private static final String NAME = "QwQ-32B";
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant NEXT_MONTH = NOW.plus(Duration.ofDays(30));
    private static final ObjectNode DEFINITION = RealFixtures.asSentByClient(ModelType.LLM);

    private FixtureConfiguration<ModelAggregate> fixture;
    private TestExecutor<ModelAggregate> given;
    private InMemoryModelNames names;

    @BeforeEach
    void setUp() {
        names = new InMemoryModelNames();
        fixture = new AggregateTestFixture<>(ModelAggregate.class)
                .registerInjectableResource(names)
                .registerInjectableResource(new DefinitionValidator());
    }

    @Nested
    class Registration {

        @Test
        void plainUserRegistersPrivateModelLiveAtOnce() {
            fixture.givenCurrentTime(NOW)
                    .when(register(ALICE, Visibility.PRIVATE))
                    .expectEvents(registered(ALICE, Visibility.PRIVATE, ModelStatus.APPROVED));
            assertThat(names.isHeld("qwq-32b")).isTrue();
        }

        @Test
        void clientsUpdatedAtIsNeverStoredBecauseTheHubOwnsIt() {
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, RealFixtures.verbatim(ModelType.LLM),
                            "# QwQ", null, ALICE))
                    .expectEvents(registered(ALICE, Visibility.PRIVATE, ModelStatus.APPROVED));
        }

        @Test
        void plainUserPublicRegistrationGoesToReview() {
            fixture.givenCurrentTime(NOW)
                    .when(register(ALICE, Visibility.PUBLIC))
                    .expectEvents(registered(ALICE, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW));
        }

        @Test
        void plainUserMayNotRegisterEnterpriseModel() {
            fixture.givenCurrentTime(NOW)
                    .when(register(ALICE, Visibility.ENTERPRISE))
                    .expectException(refusedAs(Refusal.NOT_PERMITTED))
                    .expectNoEvents();
            assertThat(names.isHeld(NAME)).isFalse();
        }

        @Test
        void holderOfPublicRegistrationPermissionPublishesAtOnce() {
            fixture.givenCurrentTime(NOW)
                    .when(register(PAULA, Visibility.PUBLIC))
                    .expectEvents(registered(PAULA, Visibility.PUBLIC, ModelStatus.APPROVED));
        }

        @Test
        void publicMaintainerMayNotRegisterEnterpriseModel() {
            fixture.givenCurrentTime(NOW)
                    .when(register(PAULA, Visibility.ENTERPRISE))
                    .expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void enterpriseMaintainerWithPublicRegistrationPermissionPublishesEnterpriseModelAtOnce() {
            fixture.givenCurrentTime(NOW)
                    .when(register(ERIN, Visibility.ENTERPRISE))
                    .expectEvents(registered(ERIN, Visibility.ENTERPRISE, ModelStatus.APPROVED));
        }

        @Test
        void enterpriseRegistrationWithoutPublicRegistrationPermissionGoesToReview() {
            CurrentUser enterpriseOnly = user("eve", HubPermission.REGISTER_PRIVATE,
                    HubPermission.REGISTER_ENTERPRISE);
            fixture.givenCurrentTime(NOW)
                    .when(register(enterpriseOnly, Visibility.ENTERPRISE))
                    .expectEvents(registered(enterpriseOnly, Visibility.ENTERPRISE, ModelStatus.PENDING_REVIEW));
        }

        @Test
        void reviewerPublicRegistrationGoesToReviewLikeAnyoneElses() {
            fixture.givenCurrentTime(NOW)
                    .when(register(RITA, Visibility.PUBLIC))
                    .expectEvents(registered(RITA, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW));
        }

        @Test
        void auditorRegistersPrivateModel() {
            fixture.givenCurrentTime(NOW)
                    .when(register(AUDREY, Visibility.PRIVATE))
                    .expectEvents(registered(AUDREY, Visibility.PRIVATE, ModelStatus.APPROVED));
        }

        @Test
        void adminPublishesEnterpriseModelAtOnce() {
            fixture.givenCurrentTime(NOW)
                    .when(register(ADAM, Visibility.ENTERPRISE))
                    .expectEvents(registered(ADAM, Visibility.ENTERPRISE, ModelStatus.APPROVED));
        }

        @Test
        void userWithoutRegistrationPermissionIsRefused() {
            fixture.givenCurrentTime(NOW)
                    .when(register(NOBODY, Visibility.PRIVATE))
                    .expectException(refusedAs(Refusal.NOT_PERMITTED))
                    .expectNoEvents();
        }

        @Test
        void nameHeldByAnotherModelInAnyLetterCaseIsRefused() {
            names.claim("qwq-32b", "other-model");
            fixture.givenCurrentTime(NOW)
                    .when(register(ALICE, Visibility.PRIVATE))
                    .expectException(refusedAs(Refusal.NAME_TAKEN))
                    .expectNoEvents();
        }

        @Test
        void invalidDefinitionIsRefusedWithEveryViolation() {
            ObjectNode broken = DEFINITION.deepCopy();
            broken.remove("model_lang");
            broken.put("context_length", "long");
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, broken, "", null, ALICE))
                    .expectException(violationsAt("/context_length", "/model_lang"))
                    .expectNoEvents();
            assertThat(names.isHeld(NAME)).isFalse();
        }

        @Test
        void audioDefinitionIsNeverAcceptedAsLlm() {
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE,
                            RealFixtures.asSentByClient(ModelType.AUDIO), "", null, ALICE))
                    .expectException(InvalidDefinitionException.class)
                    .expectNoEvents();
        }

        @Test
        void registrationStatesWhichClientsCanLoadTheDefinition() {
            ObjectNode fp4 = DEFINITION.deepCopy();
            ((ObjectNode) fp4.get("model_specs").get(0)).put("model_format", "fp4");
            ClientCompatibility newerOnly = new ClientCompatibility(DefinitionValidator.NEWER_CLIENTS_ONLY,
                    List.of("/model_specs/0/model_format"));
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, fp4, "# QwQ", null, ALICE))
                    .expectEvents(new ModelRegistered(ID, NAME, ModelType.LLM, Visibility.PRIVATE, fp4, "# QwQ",
                            actor(ALICE), ModelStatus.APPROVED, null, newerOnly));
        }

        @Test
        void expirationDateInThePastIsRefused() {
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, DEFINITION, "", NOW.minusSeconds(1), ALICE))
                    .expectException(refusedAs(Refusal.UNACCEPTABLE_VALUE))
                    .expectNoEvents();
        }

        @Test
        void expirationDateAtRegistrationSchedulesThePersistentExpiry() {
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, DEFINITION, "", NEXT_MONTH, ALICE))
                    .expectScheduledDeadline(NEXT_MONTH, new ExpiryDue(NEXT_MONTH));
        }
    }

    @Nested
    class PrivateModelMaintenance {

        @BeforeEach
        void alicesPrivateModel() {
            given = fixture.givenCurrentTime(NOW).andGiven(registered(ALICE, Visibility.PRIVATE, ModelStatus.APPROVED));
        }

        @Test
        void ownerUpdatesTheDefinition() {
            given.when(updateDefinition(ALICE))
                    .expectEvents(definitionUpdated(Visibility.PRIVATE, ModelStatus.APPROVED))
                    .expectResultMessagePayload(new ModelChanged(ID, NAME, ModelStatus.APPROVED, 1,
                            ClientCompatibility.allClients()));
        }

        @Test
        void ownerUpdatesTheReadme() {
            given.when(new UpdateReadme(ID, null, "# new", ALICE))
                    .expectEvents(new ModelReadmeUpdated(ID, NAME, ModelType.LLM, Visibility.PRIVATE, "# new"));
        }

        @Test
        void holderOfManageAnyPublicMaintainsSomeoneElsesPrivateModel() {
            given.when(updateDefinition(PAULA))
                    .expectEvents(definitionUpdated(Visibility.PRIVATE, ModelStatus.APPROVED));
        }

        @Test
        void adminMaintainsSomeoneElsesPrivateModel() {
            given.when(new ExpireModel(ID, null, ADAM))
                    .expectEvents(expired(Visibility.PRIVATE, ExpiryCause.MANUAL));
        }

        @Test
        void otherUserDoesNotLearnThePrivateModelExists() {
            given.when(updateDefinition(BOB)).expectException(refusedAs(Refusal.NOT_VISIBLE)).expectNoEvents();
        }

        @Test
        void reviewerDoesNotLearnThePrivateModelExists() {
            given.when(new DeleteModel(ID, null, RITA)).expectException(refusedAs(Refusal.NOT_VISIBLE));
        }

        @Test
        void enterpriseMaintainerDoesNotLearnThePrivateModelExists() {
            given.when(new DeleteModel(ID, null, ERIN)).expectException(refusedAs(Refusal.NOT_VISIBLE));
        }

        @Test
        void auditorSeesButMayNotChangeThePrivateModel() {
            given.when(updateDefinition(AUDREY)).expectException(refusedAs(Refusal.NOT_PERMITTED)).expectNoEvents();
        }

        @Test
        void ownerExpiresThePrivateModelNow() {
            given.when(new ExpireModel(ID, null, ALICE))
                    .expectEvents(expired(Visibility.PRIVATE, ExpiryCause.MANUAL));
        }

        @Test
        void ownerDeletesThePrivateModelAndFreesItsName() {
            names.claim(NAME, ID);
            given.when(new DeleteModel(ID, null, ALICE))
                    .expectEvents(new ModelDeleted(ID, NAME, ModelType.LLM, Visibility.PRIVATE));
            assertThat(names.isHeld(NAME)).isFalse();
        }

        @Test
        void definitionCannotRenameTheModel() {
            ObjectNode renamed = DEFINITION.deepCopy().put("model_name", "QwQ-33B");
            given.when(new UpdateDefinition(ID, null, renamed, ALICE))
                    .expectException(violationsAt("/model_name"))
                    .expectNoEvents();
        }

        @Test
        void privateModelNeedsNoReview() {
            given.when(new SubmitForReview(ID, null, ALICE)).expectException(refusedAs(Refusal.WRONG_STATE));
        }
    }

    @Nested
    class PublicModelMaintenance {

        @BeforeEach
        void alicesPublishedPublicModel() {
            given = fixture.givenCurrentTime(NOW).andGiven(registered(ALICE, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW),
                    approved(Visibility.PUBLIC, RITA));
        }

        @Test
        void publicMaintainerUpdatesAndTheModelStaysPublished() {
            given.when(updateDefinition(PAULA))
                    .expectEvents(definitionUpdated(Visibility.PUBLIC, ModelStatus.APPROVED));
        }

        @Test
        void publicMaintainerSetsTheExpirationDate() {
            given.when(new SetExpirationDate(ID, null, NEXT_MONTH, PAULA))
                    .expectEvents(new ModelExpirationDateSet(ID, NAME, ModelType.LLM, Visibility.PUBLIC, NEXT_MONTH));
        }

        @Test
        void publicMaintainerDeletes() {
            given.when(new DeleteModel(ID, null, PAULA))
                    .expectEvents(new ModelDeleted(ID, NAME, ModelType.LLM, Visibility.PUBLIC));
        }

        @Test
        void ownerWithoutPublicUpdatePermissionMayNotUpdateThePublishedModel() {
            given.when(updateDefinition(ALICE)).expectException(refusedAs(Refusal.NOT_PERMITTED)).expectNoEvents();
        }

        @Test
        void ownerWithoutPublicExpirationPermissionMayNotExpireThePublishedModel() {
            given.when(new ExpireModel(ID, null, ALICE)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void otherUserSeesButMayNotDelete() {
            given.when(new DeleteModel(ID, null, BOB)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void enterpriseMaintainerMayNotUpdatePublicModel() {
            given.when(updateDefinition(ERIN)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void reviewerMayNotUpdatePublicModel() {
            given.when(new UpdateReadme(ID, null, "x", RITA)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void auditorMayNotExpirePublicModel() {
            given.when(new ExpireModel(ID, null, AUDREY)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void adminExpiresPublicModel() {
            given.when(new ExpireModel(ID, null, ADAM)).expectEvents(expired(Visibility.PUBLIC, ExpiryCause.MANUAL));
        }

        @Test
        void publishedModelCannotBeSubmittedAgain() {
            given.when(new SubmitForReview(ID, null, ALICE)).expectException(refusedAs(Refusal.WRONG_STATE));
        }
    }

    @Nested
    class EnterpriseModelMaintenance {

        @BeforeEach
        void adamsEnterpriseModel() {
            given = fixture.givenCurrentTime(NOW).andGiven(registered(ADAM, Visibility.ENTERPRISE, ModelStatus.APPROVED));
        }

        @Test
        void holderOfAdvancedUpdatePermissionUpdates() {
            given.when(updateDefinition(ERIN))
                    .expectEvents(definitionUpdated(Visibility.ENTERPRISE, ModelStatus.APPROVED));
        }

        @Test
        void holderOfAdvancedExpirationPermissionExpires() {
            given.when(new ExpireModel(ID, null, ERIN))
                    .expectEvents(expired(Visibility.ENTERPRISE, ExpiryCause.MANUAL));
        }

        @Test
        void holderOfAdvancedDeletePermissionDeletes() {
            given.when(new DeleteModel(ID, null, ERIN))
                    .expectEvents(new ModelDeleted(ID, NAME, ModelType.LLM, Visibility.ENTERPRISE));
        }

        @Test
        void viewerWithoutAdvancedUpdatePermissionMayNotUpdate() {
            CurrentUser viewer = user("vic", HubPermission.VIEW_ADVANCED);
            given.when(updateDefinition(viewer)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void publicMaintainerDoesNotLearnTheEnterpriseModelExists() {
            given.when(updateDefinition(PAULA)).expectException(refusedAs(Refusal.NOT_VISIBLE));
        }

        @Test
        void plainUserDoesNotLearnTheEnterpriseModelExists() {
            given.when(new DeleteModel(ID, null, ALICE)).expectException(refusedAs(Refusal.NOT_VISIBLE));
        }

        @Test
        void reviewerWithoutViewPermissionDoesNotLearnTheEnterpriseModelExists() {
            given.when(new ExpireModel(ID, null, RITA)).expectException(refusedAs(Refusal.NOT_VISIBLE));
        }

        @Test
        void auditorSeesButMayNotDelete() {
            given.when(new DeleteModel(ID, null, AUDREY)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }
    }

    @Nested
    class ReviewWorkflow {

        @BeforeEach
        void alicesPublicRegistrationUnderReview() {
            given = fixture.givenCurrentTime(NOW).andGiven(registered(ALICE, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW));
        }

        @Test
        void reviewerApprovesTheOpenRound() {
            given.when(new ApproveSubmission(ID, null, RITA))
                    .expectEvents(approved(Visibility.PUBLIC, RITA))
                    .expectResultMessagePayload(new ModelChanged(ID, NAME, ModelStatus.APPROVED, 1));
        }

        @Test
        void reviewerRejectsWithFeedback() {
            given.when(new RejectSubmission(ID, null, "  add a README  ", RITA))
                    .expectEvents(rejected(1, "add a README"));
        }

        @Test
        void rejectionWithoutFeedbackIsRefused() {
            given.when(new RejectSubmission(ID, null, "   ", RITA))
                    .expectException(refusedAs(Refusal.UNACCEPTABLE_VALUE))
                    .expectNoEvents();
        }

        @Test
        void adminApproves() {
            given.when(new ApproveSubmission(ID, null, ADAM)).expectEvents(approved(Visibility.PUBLIC, ADAM));
        }

        @Test
        void ownerWithoutReviewPermissionMayNotApprove() {
            given.when(new ApproveSubmission(ID, null, ALICE)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void otherUserDoesNotLearnTheUnpublishedModelExists() {
            given.when(new ApproveSubmission(ID, null, BOB)).expectException(refusedAs(Refusal.NOT_VISIBLE));
        }

        @Test
        void publicMaintainerWithoutReviewPermissionMayNotApprove() {
            given.when(new ApproveSubmission(ID, null, PAULA)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void auditorMayNotReject() {
            given.when(new RejectSubmission(ID, null, "no", AUDREY)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void ownerWithdrawsTheSubmission() {
            given.when(new WithdrawSubmission(ID, null, ALICE))
                    .expectEvents(new ModelSubmissionWithdrawn(ID, NAME, ModelType.LLM, Visibility.PUBLIC, 1))
                    .expectResultMessagePayload(new ModelChanged(ID, NAME, ModelStatus.DRAFT, 1));
        }

        @Test
        void reviewerMayNotWithdrawSomeoneElsesSubmission() {
            given.when(new WithdrawSubmission(ID, null, RITA)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void modelUnderReviewIsNotEditedBehindTheReviewersBack() {
            given.when(updateDefinition(ALICE)).expectException(refusedAs(Refusal.WRONG_STATE));
        }

        @Test
        void publicMaintainerAlsoWaitsForTheReview() {
            given.when(updateDefinition(PAULA)).expectException(refusedAs(Refusal.WRONG_STATE));
        }

        @Test
        void ownerCannotSubmitTwice() {
            given.when(new SubmitForReview(ID, null, ALICE)).expectException(refusedAs(Refusal.WRONG_STATE));
        }

        @Test
        void rejectedModelKeepsItsFeedbackAndTheOwnerEditsIt() {
            given.andGiven(rejected(1, "fix the specs"))
                    .when(updateDefinition(ALICE))
                    .expectEvents(definitionUpdated(Visibility.PUBLIC, ModelStatus.REJECTED));
        }

        @Test
        void ownerResubmitsAfterRejectionAsANewRound() {
            given.andGiven(rejected(1, "fix the specs"), definitionUpdated(Visibility.PUBLIC, ModelStatus.REJECTED))
                    .when(new SubmitForReview(ID, null, ALICE))
                    .expectEvents(new ModelSubmittedForReview(ID, NAME, ModelType.LLM, Visibility.PUBLIC, 2,
                            actor(ALICE), edited(), "# QwQ"));
        }

        @Test
        void secondRoundIsDecidedOnItsOwn() {
            given.andGiven(rejected(1, "fix the specs"),
                            new ModelSubmittedForReview(ID, NAME, ModelType.LLM, Visibility.PUBLIC, 2, actor(ALICE),
                                    DEFINITION, "# QwQ"))
                    .when(new ApproveSubmission(ID, null, RITA))
                    .expectEvents(new ModelApproved(ID, NAME, ModelType.LLM, Visibility.PUBLIC, 2, actor(RITA),
                            DEFINITION));
        }

        @Test
        void rejectedModelCannotBeApprovedWithoutResubmission() {
            given.andGiven(rejected(1, "fix the specs"))
                    .when(new ApproveSubmission(ID, null, RITA))
                    .expectException(refusedAs(Refusal.WRONG_STATE));
        }

        @Test
        void ownerMayDeleteTheModelUnderReview() {
            given.when(new DeleteModel(ID, null, ALICE))
                    .expectEvents(new ModelDeleted(ID, NAME, ModelType.LLM, Visibility.PUBLIC));
        }

        @Test
        void ownerMayNotExpireTheUnpublishedPublicModel() {
            given.when(new ExpireModel(ID, null, ALICE)).expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void ownerOfARejectedModelMayDeleteIt() {
            given.andGiven(rejected(1, "fix the specs"))
                    .when(new DeleteModel(ID, null, ALICE))
                    .expectEvents(new ModelDeleted(ID, NAME, ModelType.LLM, Visibility.PUBLIC));
        }

        @Test
        void withdrawnModelIsADraftTheOwnerEditsAndResubmits() {
            given.andGiven(new ModelSubmissionWithdrawn(ID, NAME, ModelType.LLM, Visibility.PUBLIC, 1))
                    .when(new SubmitForReview(ID, null, ALICE))
                    .expectEvents(new ModelSubmittedForReview(ID, NAME, ModelType.LLM, Visibility.PUBLIC, 2,
                            actor(ALICE), DEFINITION, "# QwQ"));
        }
    }

    @Nested
    class ReviewerOwnSubmission {

        @Test
        void reviewerNeverApprovesTheirOwnSubmission() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(RITA, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW))
                    .when(new ApproveSubmission(ID, null, RITA))
                    .expectException(refusedAs(Refusal.NOT_PERMITTED))
                    .expectNoEvents();
        }

        @Test
        void reviewerNeverRejectsTheirOwnResubmission() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(RITA, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW),
                            new ModelRejected(ID, NAME, ModelType.LLM, Visibility.PUBLIC, 1, actor(ADAM), "no"),
                            new ModelSubmittedForReview(ID, NAME, ModelType.LLM, Visibility.PUBLIC, 2, actor(RITA),
                                    DEFINITION, "# QwQ"))
                    .when(new RejectSubmission(ID, null, "looks fine to me", RITA))
                    .expectException(refusedAs(Refusal.NOT_PERMITTED));
        }

        @Test
        void anotherReviewerDecidesOnTheReviewersSubmission() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(RITA, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW))
                    .when(new ApproveSubmission(ID, null, ADAM))
                    .expectEvents(approved(Visibility.PUBLIC, ADAM));
        }

        /** The decision next to {@code ModelGrants}: reviewers see and decide enterprise submissions in review. */
        @Test
        void reviewerWithoutViewPermissionReviewsEnterpriseSubmissions() {
            CurrentUser enterpriseOnly = user("eve", HubPermission.REGISTER_PRIVATE,
                    HubPermission.REGISTER_ENTERPRISE);
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(enterpriseOnly, Visibility.ENTERPRISE, ModelStatus.PENDING_REVIEW))
                    .when(new ApproveSubmission(ID, null, RITA))
                    .expectEvents(approved(Visibility.ENTERPRISE, RITA));
        }

        @Test
        void reviewerDoesNotSeeAPublishedEnterpriseModel() {
            CurrentUser enterpriseOnly = user("eve", HubPermission.REGISTER_PRIVATE,
                    HubPermission.REGISTER_ENTERPRISE);
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(enterpriseOnly, Visibility.ENTERPRISE, ModelStatus.APPROVED))
                    .when(new ApproveSubmission(ID, null, RITA))
                    .expectException(refusedAs(Refusal.NOT_VISIBLE));
        }
    }

    @Nested
    class Expiry {

        @Test
        void scheduledExpiryProducesTheSameEventAsExpireNowWithCauseScheduled() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, DEFINITION, "",
                            NEXT_MONTH, ALICE))
                    .whenTimeAdvancesTo(NEXT_MONTH.plusSeconds(1))
                    .expectTriggeredDeadlines(new ExpiryDue(NEXT_MONTH))
                    .expectEvents(expired(Visibility.PRIVATE, ExpiryCause.SCHEDULED));
        }

        @Test
        void changedExpirationDateReplacesTheScheduledOne() {
            Instant later = NEXT_MONTH.plus(Duration.ofDays(30));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, DEFINITION, "",
                            NEXT_MONTH, ALICE))
                    .when(new SetExpirationDate(ID, null, later, ALICE))
                    .expectEvents(new ModelExpirationDateSet(ID, NAME, ModelType.LLM, Visibility.PRIVATE, later))
                    .expectScheduledDeadline(later, new ExpiryDue(later))
                    .expectNoScheduledDeadline(NEXT_MONTH, new ExpiryDue(NEXT_MONTH));
        }

        @Test
        void clearedExpirationDateCancelsTheScheduledExpiry() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, DEFINITION, "",
                            NEXT_MONTH, ALICE))
                    .when(new SetExpirationDate(ID, null, null, ALICE))
                    .expectEvents(new ModelExpirationDateSet(ID, NAME, ModelType.LLM, Visibility.PRIVATE, null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void expiryFiresOnceAtTheChangedDateOnly() {
            Instant later = NEXT_MONTH.plus(Duration.ofDays(30));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, DEFINITION, "",
                            NEXT_MONTH, ALICE), new SetExpirationDate(ID, null, later, ALICE))
                    .whenTimeAdvancesTo(later.plusSeconds(1))
                    .expectTriggeredDeadlines(new ExpiryDue(later))
                    .expectEvents(expired(Visibility.PRIVATE, ExpiryCause.SCHEDULED));
        }

        @Test
        void expireNowEndsTheModelAndCancelsTheScheduledExpiry() {
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(new RegisterModel(ID, ModelType.LLM, Visibility.PRIVATE, DEFINITION, "",
                            NEXT_MONTH, ALICE))
                    .when(new ExpireModel(ID, null, ALICE))
                    .expectEvents(expired(Visibility.PRIVATE, ExpiryCause.MANUAL))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void expiredModelCannotExpireAgain() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(ALICE, Visibility.PRIVATE, ModelStatus.APPROVED),
                            expired(Visibility.PRIVATE, ExpiryCause.MANUAL))
                    .when(new ExpireModel(ID, null, ALICE))
                    .expectException(refusedAs(Refusal.WRONG_STATE));
        }

        @Test
        void expiredModelCannotBeEdited() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(ALICE, Visibility.PRIVATE, ModelStatus.APPROVED),
                            expired(Visibility.PRIVATE, ExpiryCause.SCHEDULED))
                    .when(updateDefinition(ALICE))
                    .expectException(refusedAs(Refusal.WRONG_STATE));
        }

        @Test
        void expiredModelCanStillBeDeleted() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(ALICE, Visibility.PRIVATE, ModelStatus.APPROVED),
                            expired(Visibility.PRIVATE, ExpiryCause.SCHEDULED))
                    .when(new DeleteModel(ID, null, ALICE))
                    .expectEvents(new ModelDeleted(ID, NAME, ModelType.LLM, Visibility.PRIVATE));
        }

        @Test
        void expirationDateInThePastIsRefused() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(registered(ALICE, Visibility.PRIVATE, ModelStatus.APPROVED))
                    .when(new SetExpirationDate(ID, null, NOW, ALICE))
                    .expectException(refusedAs(Refusal.UNACCEPTABLE_VALUE));
        }
    }

    @Nested
    class OptimisticLockingAndDeletion {

        @BeforeEach
        void alicesPrivateModelAtVersionOne() {
            given = fixture.givenCurrentTime(NOW).andGiven(registered(ALICE, Visibility.PRIVATE, ModelStatus.APPROVED),
                    new ModelReadmeUpdated(ID, NAME, ModelType.LLM, Visibility.PRIVATE, "v1"));
        }

        @Test
        void changeOnTheCurrentVersionIsAccepted() {
            given.when(new UpdateReadme(ID, 1L, "v2", ALICE))
                    .expectResultMessagePayload(new ModelChanged(ID, NAME, ModelStatus.APPROVED, 2));
        }

        @Test
        void changeOnAStaleVersionIsRefusedWithTheCurrentVersion() {
            given.when(new UpdateReadme(ID, 0L, "v2", ALICE))
                    .expectException(new TypeSafeMatcher<StaleVersionException>() {
                        @Override
                        protected boolean matchesSafely(StaleVersionException e) {
                            return e.currentVersion() == 1;
                        }

                        @Override
                        public void describeTo(Description description) {
                            description.appendText("stale version, current 1");
                        }
                    })
                    .expectNoEvents();
        }

        /** A version from the future is as stale as one from the past (it was a 500 from Axon's repository). */
        @Test
        void changeOnAVersionAboveTheCurrentOneIsRefusedAsStale() {
            given.when(new ExpireModel(ID, 999_999L, ALICE))
                    .expectException(StaleVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aCallerWhoMayNotSeeTheModelLearnsNothingFromAVersionAboveTheCurrentOne() {
            given.when(new ExpireModel(ID, 999_999L, BOB))
                    .expectException(refusedAs(Refusal.NOT_VISIBLE))
                    .expectNoEvents();
        }

        @Test
        void staleVersionDoesNotTellOutsidersTheModelExists() {
            given.when(new UpdateReadme(ID, 0L, "v2", BOB)).expectException(refusedAs(Refusal.NOT_VISIBLE));
        }

        @Test
        void deletedModelTakesNoMoreCommands() {
            given.andGiven(new ModelDeleted(ID, NAME, ModelType.LLM, Visibility.PRIVATE))
                    .when(new UpdateReadme(ID, null, "x", ALICE))
                    .expectException(AggregateDeletedException.class);
        }
    }

    // ---- builders

    private static RegisterModel register(CurrentUser caller, Visibility visibility) {
        return new RegisterModel(ID, ModelType.LLM, visibility, DEFINITION, "# QwQ", null, caller);
    }

    private static ModelRegistered registered(CurrentUser owner, Visibility visibility, ModelStatus status) {
        return new ModelRegistered(ID, NAME, ModelType.LLM, visibility, DEFINITION, "# QwQ", actor(owner), status,
                null, ClientCompatibility.allClients());
    }

    private static UpdateDefinition updateDefinition(CurrentUser caller) {
        return new UpdateDefinition(ID, null, edited(), caller);
    }

    private static ModelDefinitionUpdated definitionUpdated(Visibility visibility, ModelStatus status) {
        return new ModelDefinitionUpdated(ID, NAME, ModelType.LLM, visibility, edited(),
                ClientCompatibility.allClients(), status);
    }

    private static JsonNode edited() {
        return DEFINITION.deepCopy().put("context_length", 32768);
    }

    private static ModelApproved approved(Visibility visibility, CurrentUser reviewer) {
        return new ModelApproved(ID, NAME, ModelType.LLM, visibility, 1, actor(reviewer), DEFINITION);
    }

    private static ModelRejected rejected(int round, String feedback) {
        return new ModelRejected(ID, NAME, ModelType.LLM, Visibility.PUBLIC, round, actor(RITA), feedback);
    }

    private static ModelExpired expired(Visibility visibility, ExpiryCause cause) {
        return new ModelExpired(ID, NAME, ModelType.LLM, visibility, cause);
    }

    private static Actor actor(CurrentUser user) {
        return user.actor().orElseThrow();
    }

    private static Matcher<ModelRuleViolation> refusedAs(Refusal refusal) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ModelRuleViolation violation) {
                return violation.refusal() == refusal;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command refused as " + refusal);
            }
        };
    }

    private static Matcher<InvalidDefinitionException> violationsAt(String... pointers) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidDefinitionException e) {
                return e.violations().stream().map(Violation::pointer).toList().equals(List.of(pointers));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an invalid definition with violations at " + List.of(pointers));
            }
        };
    }
}
