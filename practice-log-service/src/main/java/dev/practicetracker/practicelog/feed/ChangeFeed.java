package dev.practicetracker.practicelog.feed;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.practicelog.mapping.PracticeLogMapper;
import dev.practicetracker.practicelog.repository.ChangeFeedRepository;
import dev.practicetracker.practicelog.repository.ChangeFeedRepository.Change;
import dev.practicetracker.practicelog.repository.ChangeFeedRepository.Changes;
import dev.practicetracker.practicelog.repository.ChangeFeedRepository.Feed;
import io.smallrye.mutiny.Uni;

/**
 * The caller's log changes after a cursor, in commit order ({@code GET /practice-logs/changes}): a
 * client that applies each page and resumes from its {@code next_cursor} holds exactly the
 * caller's logs once {@code has_more} is false. A cursor of an earlier feed (the user was erased
 * since), or one that may have missed a pruned deletion, answers 410: the client starts again.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final ChangeFeedRepository repository;

    public ChangeFeed(ChangeFeedRepository repository) {
        this.repository = repository;
    }

    public Uni<ChangePage> page(Caller caller, String since, int limit) {
        ChangeCursor after = ChangeCursor.decode(since);
        return repository.changesAfter(caller.userId(), after.seq(), limit + 1).map(read -> pageOf(after, read, limit));
    }

    private static ChangePage pageOf(ChangeCursor after, Changes read, int limit) {
        Feed feed = read.feed();
        if (after.seq() > 0) {
            if (feed == null || !feed.feedId().equals(after.feedId()) || after.seq() > feed.lastSeq()) {
                throw ProblemException.cursorExpired("since is a position of an earlier change feed of this account: sync again without since");
            }
            if (after.seq() < feed.prunedThrough()) {
                throw ProblemException.cursorExpired("deletions after since are no longer kept: sync again without since");
            }
        }
        boolean more = read.changes().size() > limit;
        List<Change> shown = more ? read.changes().subList(0, limit) : read.changes();
        ChangeCursor next = shown.isEmpty() ? after : new ChangeCursor(feed.feedId(), shown.get(shown.size() - 1).seq());
        return new ChangePage(shown.stream().map(ChangeFeed::toItem).toList(), next.encode(), more);
    }

    private static LogChange toItem(Change change) {
        return change.log() != null ? LogChange.upsert(PracticeLogMapper.toResponse(change.log()))
                : LogChange.delete(change.logId(), change.deletedAt());
    }
}
