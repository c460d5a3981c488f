#include "ui/session/presetlibrary.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <cmath>
#include <vector>

#include "../core/workedexample.h"
#include "core/trainer.h"

namespace {

using session::PresetLibrary;

TEST(PresetLibraryTest, BuiltInPresetsLoadInLessonOrder) {
    QStringList errors;
    const PresetLibrary library(":/presets", &errors);
    EXPECT_TRUE(errors.isEmpty()) << errors.join("; ").toStdString();
    EXPECT_EQ(library.names(), (QStringList{"mazur", "oscillate", "diverge", "xor", "momentum"}));
    for (const session::Preset& preset : library.presets()) {
        EXPECT_FALSE(preset.session.description.isEmpty()) << preset.name.toStdString();
        EXPECT_EQ(core::validateConfig(preset.session.config), "");
    }
}

// Steps until E falls below 0.05, or -1 within `limit`.
long long stepsToSolve(core::NetworkConfig config, long long limit) {
    core::Trainer trainer(config);
    std::vector<double> losses;
    trainer.run(limit, &losses);
    for (std::size_t k = 0; k < losses.size(); ++k)
        if (losses[k] < 0.05) return static_cast<long long>(k);
    return -1;
}

// What the momentum preset's description promises: 0.9 crosses XOR's plateau about eight
// times sooner than plain gradient descent at the same rate, and 0.3 stops oscillate's jumps.
TEST(PresetLibraryTest, MomentumSpeedsThePlateauAndDampsTheOscillation) {
    const session::Preset* momentum = PresetLibrary::builtIn().find("momentum");
    ASSERT_NE(momentum, nullptr);
    core::NetworkConfig config = momentum->session.config;
    EXPECT_EQ(config.momentum, 0.9);
    const long long fast = stepsToSolve(config, 5000);
    config.momentum = 0.0;
    const long long plain = stepsToSolve(config, 5000);
    EXPECT_GT(fast, 200);
    EXPECT_LT(fast, 280);
    EXPECT_GT(plain, 1800);
    EXPECT_LT(plain, 2100);
    // oscillate at rate 30: E jumps by about 0.07 every step; with momentum 0.3 it settles.
    core::NetworkConfig oscillate = PresetLibrary::builtIn().find("oscillate")->session.config;
    for (const double beta : {0.0, 0.3}) {
        oscillate.momentum = beta;
        core::Trainer trainer(oscillate);
        std::vector<double> losses;
        trainer.run(400, &losses);
        const double jump = std::abs(losses[399] - losses[398]);
        if (beta == 0.0)
            EXPECT_GT(jump, 0.05);
        else
            EXPECT_LT(jump, 1e-4);
    }
}

TEST(PresetLibraryTest, MazurIsTheWorkedExample) {
    const session::Preset* mazur = PresetLibrary::builtIn().find("mazur");
    ASSERT_NE(mazur, nullptr);
    EXPECT_EQ(mazur->session.config, testing_support::workedExample());
    EXPECT_EQ(PresetLibrary::builtIn().find("nonexistent"), nullptr);
}

// The regimes the presets are named for, checked by their loss curves.
TEST(PresetLibraryTest, OscillatePresetOscillatesAndDivergePresetDiverges) {
    core::Trainer oscillate(PresetLibrary::builtIn().find("oscillate")->session.config);
    std::vector<double> losses;
    oscillate.run(300, &losses);
    int turns = 0, window = 0;  // how often the loss changes direction, late in the run
    for (std::size_t i = 201; i + 1 < losses.size(); ++i, ++window)
        turns += (losses[i] - losses[i - 1]) * (losses[i + 1] - losses[i]) < 0;
    EXPECT_GT(turns, window / 2);

    core::Trainer diverge(PresetLibrary::builtIn().find("diverge")->session.config);
    EXPECT_LT(diverge.run(100), 100);
    EXPECT_TRUE(diverge.divergence());
    // Below the threshold (about 0.98) the same network converges.
    diverge.reset();
    diverge.setLearningRate(0.9);
    losses.clear();
    EXPECT_EQ(diverge.run(300, &losses), 300);
    EXPECT_LT(losses.back(), 1e-6 * losses.front());

    core::Trainer xorTrainer(PresetLibrary::builtIn().find("xor")->session.config);
    losses.clear();
    xorTrainer.run(3000, &losses);
    EXPECT_GT(losses.front(), 0.2);
    EXPECT_LT(losses.back(), 0.01);
}

TEST(PresetLibraryTest, ReportsPresetsThatDoNotLoad) {
    QTemporaryDir dir;
    QFile bad(dir.filePath("bad.json"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("{}");
    bad.close();
    QStringList errors;
    const PresetLibrary library(dir.path(), &errors);
    EXPECT_TRUE(library.presets().empty());
    ASSERT_EQ(errors.size(), 1);
    EXPECT_EQ(errors.front(), "bad.json: format: missing");
}

}  // namespace
