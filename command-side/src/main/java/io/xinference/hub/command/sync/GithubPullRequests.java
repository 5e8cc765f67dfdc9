package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.sync.RepositoryChange;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRef;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Proposes one model's change to the repository as a pull request, through GitHub's REST API (hub4j github-api).
 *
 * <p>The run is safe to repeat: the open pull request is found by its branch, so a re-run or a run after a
 * restart updates it (or finds nothing left to do) instead of opening a second one. A leftover branch without an
 * open pull request (a crash between branch and pull request, or an earlier pull request that was closed) is
 * reset to the base branch first.
 */
public class GithubPullRequests {

    private final SyncProperties properties;
    private final Clock clock;
    private final HttpClient http;

    public GithubPullRequests(SyncProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    public PublishOutcome publish(SyncJob job, String token, String login) throws SyncFailure {
        ObjectNode entry = job.change() == RepositoryChange.REMOVE ? null : entryOf(job);
        try {
            GHRepository repository = connect(token).getRepository(properties.repository());
            return publish(repository, job, entry, login);
        } catch (IOException e) {
            throw GithubFailures.classify(e, clock);
        } catch (InvalidRepositoryFileException e) {
            throw SyncFailure.permanent(0, e.getMessage());
        }
    }

    private PublishOutcome publish(GHRepository repository, SyncJob job, ObjectNode entry, String login)
            throws IOException, InvalidRepositoryFileException {
        String path = RepositoryFiles.pathFor(job.modelType());
        String branch = PullRequestText.branch(job.modelName());
        String base = properties.baseBranch();
        GHContent baseFile = repository.getFileContent(path, base);
        byte[] baseContent = read(repository, baseFile);
        boolean newModel = job.change() == RepositoryChange.ADD_OR_REPLACE
                && !ModelFileEditor.hasEntry(baseContent, job.modelName());
        String title = PullRequestText.title(job.modelName(), newModel);
        String body = PullRequestText.body(job.modelName(), job.modelType(), login);
        String message = PullRequestText.commitMessage(job.modelType(), job.modelName());

        Optional<GHPullRequest> open = openPullRequest(repository, branch);
        if (open.isPresent()) {
            GHPullRequest pullRequest = open.get();
            // edit the branch where it stands, so the pull request's diff keeps showing this model only
            GHContent branchFile = repository.getFileContent(path, branch);
            ModelFileEditor.Edit edit = ModelFileEditor.apply(read(repository, branchFile), job.modelName(),
                    job.change(), entry);
            if (!edit.changed()) {
                return new PublishOutcome.Unchanged(
                        "pull request #" + pullRequest.getNumber() + " already proposes this change");
            }
            commit(repository, path, branch, edit.content(), branchFile.getSha(), message);
            if (!title.equals(pullRequest.getTitle())) {
                pullRequest.setTitle(title);
            }
            if (!body.equals(pullRequest.getBody())) {
                pullRequest.setBody(body);
            }
            return new PublishOutcome.Updated(pullRequest.getNumber(), pullRequest.getHtmlUrl().toString(), branch,
                    title);
        }

        ModelFileEditor.Edit edit = ModelFileEditor.apply(baseContent, job.modelName(), job.change(), entry);
        if (!edit.changed()) {
            return new PublishOutcome.Unchanged("the " + base + " branch of " + properties.repository()
                    + " already has this " + (job.change() == RepositoryChange.REMOVE ? "removal" : "entry"));
        }
        String baseSha = repository.getRef("heads/" + base).getObject().getSha();
        startBranch(repository, branch, baseSha);
        commit(repository, path, branch, edit.content(), baseFile.getSha(), message);
        GHPullRequest created = repository.createPullRequest(title, branch, base, body);
        return new PublishOutcome.Opened(created.getNumber(), created.getHtmlUrl().toString(), branch, title);
    }

    private ObjectNode entryOf(SyncJob job) throws SyncFailure {
        try {
            return RepositoryEntry.of(job.definition(), job.modelType(), job.modelName(), job.changedAt());
        } catch (IllegalArgumentException e) {
            throw SyncFailure.permanent(0, e.getMessage());
        }
    }

    private GitHub connect(String token) throws IOException {
        return new GitHubBuilder()
                .withEndpoint(properties.apiUrl())
                .withOAuthToken(token)
                .withConnector(new TimeLimitedGithubConnector(http, properties.timeout()))
                // never sleep inside a call: the persistent schedule waits instead, and survives restarts
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                .build();
    }

    private Optional<GHPullRequest> openPullRequest(GHRepository repository, String branch) throws IOException {
        List<GHPullRequest> open = repository.queryPullRequests()
                .state(GHIssueState.OPEN)
                .head(repository.getOwnerName() + ":" + branch)
                .base(properties.baseBranch())
                .list().toList();
        return open.stream().filter(pr -> branch.equals(pr.getHead().getRef())).findFirst();
    }

    private static void startBranch(GHRepository repository, String branch, String baseSha) throws IOException {
        GHRef existing;
        try {
            existing = repository.getRef("heads/" + branch);
        } catch (GHFileNotFoundException absent) {
            repository.createRef("refs/heads/" + branch, baseSha);
            return;
        }
        existing.updateTo(baseSha, true);
    }

    private static void commit(GHRepository repository, String path, String branch, byte[] content, String fileSha,
                               String message) throws IOException {
        repository.createContent()
                .path(path)
                .branch(branch)
                .sha(fileSha)
                .content(content)
                .message(message)
                .commit();
    }

    /** The contents API inlines files up to 1 MB; larger ones (llm_family.json) come from the blob API. */
    private static byte[] read(GHRepository repository, GHContent file) throws IOException {
        String encoded = file.getEncodedContent();
        if ("base64".equals(file.getEncoding()) && encoded != null && !encoded.isEmpty()) {
            return Base64.getMimeDecoder().decode(encoded);
        }
        try (InputStream blob = repository.getBlob(file.getSha()).read()) {
            return blob.readAllBytes();
        }
    }
}
