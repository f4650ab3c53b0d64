package dev.practicetracker.skills.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.practicetracker.events.MilestoneData;
import dev.practicetracker.events.RoadmapData;
import dev.practicetracker.skills.MilestoneProgress;
import dev.practicetracker.skills.MilestoneStatus;
import dev.practicetracker.skills.Skill;
import dev.practicetracker.skills.repository.MilestoneLogRepository;

public final class MilestoneMapper {

    private MilestoneMapper() {
    }

    /** Every milestone of the roadmap, in order, with its progress (not started when untouched). */
    public static List<MilestoneResponse> toResponses(Skill skill, Map<String, MilestoneProgress> progress,
            Map<String, MilestoneLogRepository.Practice> practice) {
        List<MilestoneResponse> responses = new ArrayList<>();
        if (skill.roadmap == null) {
            return responses;
        }
        for (RoadmapData.Level level : skill.roadmap.levels()) {
            for (RoadmapData.Milestone milestone : level.milestones()) {
                MilestoneProgress state = progress.getOrDefault(milestone.id(),
                        MilestoneProgress.notStarted(skill.id, milestone.id(), skill.userId));
                MilestoneLogRepository.Practice practised = practice.getOrDefault(milestone.id(), MilestoneLogRepository.Practice.NONE);
                responses.add(new MilestoneResponse(level.level(), milestone.id(), milestone.title(), milestone.description(),
                        milestone.doThisNow(), milestone.estimatedMinutes(), state.status, state.notes, state.startedAt,
                        state.completedAt, practised.minutes(), practised.attempts(), practised.completions(), state.version));
            }
        }
        return responses;
    }

    public static MilestoneData toEvent(MilestoneProgress progress, Skill skill, long completed) {
        int total = skill.roadmap == null ? 0 : (int) skill.roadmap.milestones().count();
        return new MilestoneData(progress.skillId, progress.userId, progress.milestoneId, progress.status.toString(),
                progress.notes, progress.startedAt, progress.completedAt, (int) completed, total, progress.version,
                progress.updatedAt);
    }

    public static boolean isCompleted(MilestoneProgress progress) {
        return progress.status == MilestoneStatus.COMPLETED;
    }
}
