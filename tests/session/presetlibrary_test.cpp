#include "ui/session/presetlibrary.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "../core/workedexample.h"
#include "core/trainer.h"

namespace {

using session::PresetLibrary;

TEST(PresetLibraryTest, BuiltInPresetsLoadInLessonOrder) {
    QStringList errors;
    const PresetLibrary library(":/presets", &errors);
    EXPECT_TRUE(errors.isEmpty()) << errors.join("; ").toStdString();
    EXPECT_EQ(library.names(), (QStringList{"mazur", "oscillate", "diverge", "xor"}));
    for (const session::Preset& preset : library.presets()) {
        EXPECT_FALSE(preset.session.description.isEmpty()) << preset.name.toStdString();
        EXPECT_EQ(core::validateConfig(preset.session.config), "");
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
