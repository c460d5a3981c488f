#include "ui/workerprobes.h"

#include <gtest/gtest.h>

#include "core/probe.h"
#include "core/traininghistory.h"
#include "largesessions.h"
#include "ui/session/presetlibrary.h"
#include "ui/shownstep.h"

namespace {

using testing_support::largeSession;

const std::atomic<bool> kGoOn{false};

// Equal, or both not a number (a network that blew up).
bool same(double one, double other) {
    return one == other || (std::isnan(one) && std::isnan(other));
}

// Small and larger networks, and one that blows up.
std::vector<core::NetworkConfig> networks() {
    core::NetworkConfig diverging =
        session::PresetLibrary::builtIn().find("diverge")->session.config;
    diverging.learningRate = 1000;
    return {session::PresetLibrary::builtIn().find("mazur")->session.config,
            session::PresetLibrary::builtIn().find("xor")->session.config,
            largeSession({2, 8, 8, 3}, 16, 0.7).config, largeSession({3, 16, 2}, 64, 2.0).config,
            diverging};
}

// The worker's answers are the engine's own, bit for bit, at several states of each network.
TEST(WorkerProbesTest, AnswersAreTheEnginesOwnBitForBit) {
    for (const core::NetworkConfig& config : networks()) {
        core::Trainer trainer(config);
        for (int state = 0; state < 3; ++state) {
            const std::string what = "layers " + std::to_string(config.layers.size()) +
                                     ", iteration " + std::to_string(trainer.iteration());
            EXPECT_TRUE(same(ui::lossAt(trainer), trainer.evaluate().loss())) << what;
            EXPECT_EQ(ui::previewCurve(trainer, 60, kGoOn),
                      core::previewRun(trainer, trainer.learningRate(), 60))
                << what;
            const int parameters =
                int(trainer.parameters().weights.size() + trainer.parameters().biases.size());
            for (int index : {0, parameters / 2, parameters - 1})
                EXPECT_TRUE(same(ui::centralDifference(trainer, index, kGoOn),
                                 core::centralDifference(trainer, index)))
                    << what << ", parameter " << index;
            ui::ShownStep shown(trainer.preview(), 4);
            EXPECT_TRUE(same(shown.lossAfter(trainer), core::lossAfterStep(trainer))) << what;
            trainer.run(7);
        }
    }
}

// A replay along a recorded run puts a trainer where the record's own seek does, rate changes
// and all, from a checkpoint or from a state on the way.
TEST(WorkerProbesTest, ReplayingARecordedRunIsTheRecordsSeek) {
    core::Trainer trainer(largeSession({2, 8, 8, 3}, 16, 0.7).config);
    core::TrainingHistory record(trainer, 10);
    record.advance(trainer, 23);
    record.changeRate(trainer, 1.5);
    record.advance(trainer, 30);
    record.changeRate(trainer, 0.2);
    record.advance(trainer, 11);
    for (long long target : {0LL, 9LL, 10LL, 23LL, 24LL, 47LL, 53LL, 64LL}) {
        core::Trainer expected = trainer;
        record.seek(expected, target);
        for (long long from : {record.replayFrom(target), std::max(0LL, target - 3)}) {
            core::Trainer replayed = trainer;
            record.seek(replayed, from);
            std::vector<double> losses;
            ASSERT_TRUE(ui::replayRecorded(replayed, record.rates(), target, kGoOn, &losses));
            EXPECT_EQ(replayed.iteration(), target);
            EXPECT_EQ(replayed.parameters(), expected.parameters()) << target << " from " << from;
            EXPECT_EQ(replayed.learningRate(), expected.learningRate()) << target;
            EXPECT_EQ(losses.size(), std::size_t(target - from));
        }
    }
}

// Cancelled work stops at once and says so.
TEST(WorkerProbesTest, CancelledWorkStops) {
    const std::atomic<bool> cancelled{true};
    core::Trainer trainer(largeSession({2, 8, 8, 3}, 16).config);
    EXPECT_TRUE(ui::previewCurve(trainer, 200, cancelled).empty());
    EXPECT_TRUE(std::isnan(ui::centralDifference(trainer, 0, cancelled)));
    core::TrainingHistory record(trainer, 50);
    core::Trainer start = trainer;
    record.advance(trainer, 40);
    EXPECT_FALSE(ui::replayRecorded(start, record.rates(), 40, cancelled));
    EXPECT_EQ(start.iteration(), 0);
}

}  // namespace
