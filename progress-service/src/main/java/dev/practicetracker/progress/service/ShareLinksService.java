package dev.practicetracker.progress.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.practicetracker.platform.ids.TimeOrderedIds;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.security.Caller;
import dev.practicetracker.platform.time.Timestamps;
import dev.practicetracker.progress.mapping.ShareLinkRequest;
import dev.practicetracker.progress.mapping.ShareLinkResponse;
import dev.practicetracker.progress.repository.ProgressReadRepository;
import dev.practicetracker.progress.repository.SettingsRepository;
import dev.practicetracker.progress.repository.ShareLinkRepository;
import dev.practicetracker.progress.repository.ShareLinkRepository.ShareLink;
import dev.practicetracker.progress.repository.StoredSkillProgress;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Share links: the owner's badge or one of their skills' heatmaps, served to anyone with the link's
 * URL, as it is when asked for, until the owner deletes the link or is erased. A link's token is 256
 * bits from {@link SecureRandom}; it is answered in the owner's own link responses and nowhere else.
 */
@ApplicationScoped
public class ShareLinksService {

    public static final String BADGE = "badge";
    public static final String CALENDAR = "calendar";
    /** Links a user may have at once. */
    static final int MAX_LINKS = 100;
    private static final int TOKEN_BYTES = 32;

    private final ShareLinkRepository links;
    private final ProgressService progress;
    private final ProgressReadRepository figures;
    private final SettingsRepository settings;
    private final Pool pool;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ShareLinksService(ShareLinkRepository links, ProgressService progress, ProgressReadRepository figures, SettingsRepository settings,
            Pool pool, TimeOrderedIds ids, Clock clock) {
        this.links = links;
        this.progress = progress;
        this.figures = figures;
        this.settings = settings;
        this.pool = pool;
        this.ids = ids;
        this.clock = clock;
    }

    public Uni<ShareLinkResponse> create(Caller caller, ShareLinkRequest request) {
        boolean calendar = CALENDAR.equals(request.kind());
        if (calendar && request.skillId() == null) {
            throw ProblemException.invalid("skill_id", "is required for a calendar");
        }
        if (!calendar && request.skillId() != null) {
            throw ProblemException.invalid("skill_id", "is only for a calendar");
        }
        Uni<Void> allowed = calendar ? progress.callersSkill(caller, request.skillId()).replaceWithVoid() : Uni.createFrom().voidItem();
        ShareLink link = new ShareLink(ids.next(), caller.userId(), newToken(), request.kind(), request.skillId(), Timestamps.now(clock));
        return allowed.chain(() -> pool.withTransaction(transaction -> links.count(transaction, caller.userId()).chain(count -> count >= MAX_LINKS
                ? Uni.createFrom().failure(ProblemException.conflict("a user has at most " + MAX_LINKS + " share links; delete some first"))
                : links.create(transaction, link))))
                .map(ShareLinksService::toResponse);
    }

    public Uni<List<ShareLinkResponse>> list(Caller caller) {
        return links.ofUser(caller.userId()).map(found -> found.stream().map(ShareLinksService::toResponse).toList());
    }

    public Uni<Void> delete(Caller caller, UUID id) {
        return links.delete(caller.userId(), id).chain(deleted -> deleted ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.notFound("share link")));
    }

    /** The SVG a link's token opens, as it is now in its owner's zone; not found for an unknown or deleted link. */
    public Uni<String> render(String token) {
        return links.byToken(token).chain(link -> link == null ? Uni.createFrom().failure(ProblemException.notFound("share link"))
                : settings.find(link.userId()).chain(stored -> {
                    ZoneId zone = stored == null ? ZoneOffset.UTC : stored.zone();
                    LocalDate today = LocalDate.ofInstant(Timestamps.now(clock), zone);
                    return BADGE.equals(link.kind()) ? progress.badgeSvg(link.userId(), today) : calendarOf(link, today);
                }));
    }

    private Uni<String> calendarOf(ShareLink link, LocalDate today) {
        return figures.find(link.skillId()).map(stored -> {
            if (stored.visibilityTo(link.userId()) != StoredSkillProgress.Visibility.VISIBLE) {
                throw ProblemException.notFound("share link");
            }
            return progress.calendarSvg(stored, null, today);
        });
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ShareLinkResponse toResponse(ShareLink link) {
        return new ShareLinkResponse(link.id(), link.kind(), link.skillId(), "/public/progress/" + link.token() + ".svg", link.createdAt());
    }
}
