// The table of training samples beside the network: its numbers against a forward pass written
// here, what it hides in term mode, the row it marks and what a click on a row does.
#include "ui/samplegrid.h"
#include "ui/sampletable.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QTest>
#include <cmath>
#include <set>

#include "../core/workedexample.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "handforward.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"
#include "windowparts.h"

namespace {

using testing_support::expectPublished;
using testing_support::named;

// The columns of a 2-2-2 network's table.
enum Column { kI1, kI2, kTargetO1, kTargetO2, kOutO1, kOutO2, kLoss };

const session::Session& preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

// What a sample makes of the network at `parameters`, computed here from the definition (see
// handforward.h); E = the sum over the outputs of 1/2 (target - out)^2.
struct ForwardPass {
    std::vector<double> outputs;
    double loss = 0.0;
};

ForwardPass forwardPass(const core::Topology& topology, const core::Parameters& parameters,
                        const core::Sample& sample) {
    const std::vector<double> outs =
        testing_support::forwardByHand(topology, parameters, sample.input);
    ForwardPass pass{outs, 0.0};
    for (std::size_t k = 0; k < outs.size(); ++k)
        pass.loss += 0.5 * (sample.target[k] - outs[k]) * (sample.target[k] - outs[k]);
    return pass;
}

// The parameters after `iterations` updates, from a trainer of the test's own.
core::Parameters trainedParameters(const char* name, long long iterations) {
    core::Trainer trainer(preset(name).config);
    trainer.run(iterations);
    return trainer.parameters();
}

double number(const ui::SampleGrid& table, int sample, int column) {
    bool ok = false;
    const double value = table.text(sample, column).toDouble(&ok);
    EXPECT_TRUE(ok) << "not a number: " << table.text(sample, column).toStdString();
    return value;
}

// Every cell of `table` against the forward pass at `parameters`: at 17 digits, where the
// table's text is the engine's double, and at 4, where it is that number written in 4.
void expectRowsMatch(ui::TrainingController& model, const ui::SampleGrid& table,
                     const core::Parameters& parameters, const std::string& what) {
    const core::Topology& topology = model.snapshot().topology();
    const std::vector<core::Sample>& samples = model.snapshot().samples();
    ASSERT_EQ(table.model()->columnCount(), int(samples.size())) << what;
    for (int s = 0; s < int(samples.size()); ++s) {
        const ForwardPass expected = forwardPass(topology, parameters, samples[s]);
        model.setDigits(core::DigitsRange::max);
        for (int k = 0; k < 2; ++k) {
            EXPECT_EQ(number(table, s, kI1 + k), samples[s].input[k]) << what;
            EXPECT_EQ(number(table, s, kTargetO1 + k), samples[s].target[k]) << what;
            EXPECT_NEAR(number(table, s, kOutO1 + k), expected.outputs[k], 1e-12)
                << what << ", sample " << s + 1 << ", out o" << k + 1;
        }
        EXPECT_NEAR(number(table, s, kLoss), expected.loss, 1e-12 * expected.loss + 1e-15)
            << what << ", sample " << s + 1 << ", E";
        const double out = number(table, s, kOutO1);
        model.setDigits(4);
        EXPECT_EQ(table.text(s, kOutO1).toStdString(), core::formatNumber(out, 4)) << what;
    }
}

TEST(SampleTableTest, NamesItsRowsAsTheNetworkDoes) {
    ui::TrainingController model;
    model.load(preset("xor"), "xor");
    const ui::SampleGrid table(&model);
    EXPECT_EQ(table.headers(),
              QStringList({"i1", "i2", "target o1", "target o2", "out o1", "out o2", "E"}));
    EXPECT_EQ(table.model()->columnCount(), 4);
    EXPECT_EQ(table.objectName(), "sampleGrid");
    EXPECT_FALSE(table.accessibleName().isEmpty());
    EXPECT_FALSE(table.toolTip().isEmpty());
}

TEST(SampleTableTest, EverySampleOfXorAndOscillateMatchesAForwardPassAfterTraining) {
    for (const auto& [name, iterations] : {std::pair{"xor", 300}, std::pair{"oscillate", 25}}) {
        ui::TrainingController model;
        model.load(preset(name), name);
        const ui::SampleGrid table(&model);
        model.run(iterations);
        expectRowsMatch(model, table, trainedParameters(name, iterations),
                        std::string(name) + " after " + std::to_string(iterations));
        // Scrubbing back along the timeline, the table follows.
        model.seek(iterations / 3);
        expectRowsMatch(model, table, trainedParameters(name, iterations / 3),
                        std::string(name) + " back at " + std::to_string(iterations / 3));
        // And one step on.
        model.step();
        expectRowsMatch(model, table, trainedParameters(name, iterations / 3 + 1),
                        std::string(name) + " a step on");
    }
}

TEST(SampleTableTest, MazurAtIterationZeroShowsTheArticlesOutputsAndLoss) {
    ui::TrainingController model;
    model.load(preset("mazur"), "mazur");
    const ui::SampleGrid table(&model);
    model.setDigits(core::DigitsRange::workedExample);
    ASSERT_EQ(table.model()->columnCount(), 1);
    expectPublished(number(table, 0, kOutO1), "0.75136507");
    expectPublished(number(table, 0, kOutO2), "0.772928465");
    expectPublished(number(table, 0, kLoss), "0.298371109");
    EXPECT_EQ(table.text(0, kI1), "0.05");
    EXPECT_EQ(table.text(0, kTargetO2), "0.99");
}

TEST(SampleTableTest, TermModeShowsAQuestionMarkUntilTheForwardPassComputesTheValue) {
    for (const char* name : {"xor", "mazur"}) {
        ui::TrainingController model;
        model.load(preset(name), name);
        const ui::SampleGrid table(&model);
        model.setGranularity(core::Granularity::Term);
        const int samples = table.model()->columnCount();
        for (int s = 0; s < samples; ++s) {
            EXPECT_NE(table.text(s, kI1), "?") << name;  // the samples are given
            EXPECT_NE(table.text(s, kTargetO1), "?") << name;
            for (const int column : {kOutO1, kOutO2, kLoss})
                EXPECT_EQ(table.text(s, column), "?") << name << ", sample " << s + 1;
        }
        // Step until out_o1 of the first sample shows: its term has just been revealed.
        while (table.text(0, kOutO1) == "?")
            model.stepForward();
        const int last = model.snapshot().topology().layerCount() - 1;
        ASSERT_NE(model.reveal().currentTerm(), nullptr);
        EXPECT_EQ(model.reveal().currentTerm()->quantity,
                  (core::QuantityRef{core::Quantity::Out, 0, last, 0}))
            << name;
        EXPECT_EQ(table.text(0, kOutO2), "?") << name;
        EXPECT_EQ(table.text(0, kLoss), "?") << name;
        if (samples > 1) EXPECT_EQ(table.text(1, kOutO1), "?") << name;
        // Then E of the sample (E_total for a single sample) once its term is revealed.
        const core::QuantityRef loss = samples > 1
                                           ? core::QuantityRef{core::Quantity::SampleLoss, 0}
                                           : core::QuantityRef{core::Quantity::Loss};
        while (table.text(0, kLoss) == "?")
            model.stepForward();
        EXPECT_EQ(model.reveal().currentTerm()->quantity, loss) << name;
        EXPECT_EQ(number(table, 0, kLoss),
                  std::stod(core::formatNumber(model.snapshot().value(loss), model.digits())));
    }
}

TEST(SampleTableTest, TheMarkedRowFollowsTheSampleOfTheCurrentTerm) {
    ui::TrainingController model;
    model.load(preset("xor"), "xor");
    const ui::SampleGrid table(&model);
    EXPECT_EQ(table.markedSample(), 0);
    model.setGranularity(core::Granularity::Term);
    std::set<int> marked;
    while (model.iteration() == 0) {
        model.stepForward();
        EXPECT_EQ(table.markedSample(), model.shownSample());
        if (const core::Term* term = model.reveal().currentTerm();
            term && term->quantity.sample >= 0)
            EXPECT_EQ(table.markedSample(), term->quantity.sample);
        marked.insert(table.markedSample());
    }
    EXPECT_EQ(marked, (std::set<int>{0, 1, 2, 3}));
}

TEST(SampleTableTest, ClickingASampleShowsItOnTheNetwork) {
    ui::MainWindow window;
    window.show();
    window.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    ASSERT_TRUE(window.loadPreset("xor"));
    ASSERT_TRUE(named<ui::SampleTable>(window, "sampleTable"));
    ui::SampleGrid* table = named<ui::SampleGrid>(window, "sampleGrid");
    ASSERT_TRUE(table);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(table->model()->index(kOutO1, 2)).center());
    EXPECT_EQ(window.controller()->shownSample(), 2);
    EXPECT_EQ(table->markedSample(), 2);
    EXPECT_TRUE(window.networkView()->legend().back().text.contains("sample 3 of 4"));
    EXPECT_EQ(named<QComboBox>(window, "sampleChooser")->currentIndex(), 2);
    // The window's keys still step: the table does not keep the keyboard.
    QTest::keyClick(&window, Qt::Key_Right);
    EXPECT_EQ(window.controller()->iteration(), 1);
    EXPECT_EQ(table->markedSample(), 2);
}

TEST(SampleTableTest, ReadsInTheNetworksLargerFont) {
    ui::MainWindow window;
    const QFont font = window.sampleTable()->grid()->font();
    EXPECT_EQ(font.pointSizeF(), window.networkView()->font().pointSizeF());
    EXPECT_GT(font.pointSizeF(), QApplication::font().pointSizeF());
}

}  // namespace
