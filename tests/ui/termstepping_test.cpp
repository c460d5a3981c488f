// Stepping through backpropagation term by term, and back, through the controller and the view.
#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <cstdio>
#include <set>

#include "../core/workedexample.h"
#include "../support/memory.h"
#include "core/markup.h"
#include "core/trainer.h"
#include "ui/diagrammarks.h"
#include "ui/formulapanel.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/richtextlabel.h"
#include "ui/session/presetlibrary.h"
#include "ui/summarytext.h"
#include "ui/trainingcontroller.h"

namespace {

using core::Granularity;
using testing_support::expectPublished;
using testing_support::residentBytes;

using testing_support::kFirstStep;

session::Session preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

core::Term currentTerm(const ui::TrainingController& controller) {
    return controller.explanation()->term(controller.position().revealed - 1);
}

TEST(TermSteppingTest, EachTermOfTheFirstIterationHasTheWorkedExamplesValue) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.setGranularity(Granularity::Term);
    EXPECT_EQ(controller.position(), (core::StepPosition{0, 0}));
    for (const auto& [symbol, value] : kFirstStep) {
        controller.stepForward();
        const core::Term term = currentTerm(controller);
        EXPECT_EQ(core::plainFromMarkup(term.symbol), symbol);
        EXPECT_NEAR(term.value, value, 5e-9 * std::abs(value)) << symbol;
    }
    EXPECT_EQ(controller.position(), (core::StepPosition{0, 43}));
    // The article's own figures, at the digits it prints.
    expectPublished(controller.explanation()->term(17).value, "0.082167041");
    expectPublished(controller.explanation()->term(13).value, "0.138498562");
    // The next Step shows the step's summary: E_total before and after, every update.
    controller.stepForward();
    EXPECT_EQ(controller.position(), (core::StepPosition{0, 44}));
    EXPECT_EQ(controller.finishedPhase(), core::Phase::Update);
    ASSERT_TRUE(controller.stepSummary());
    expectPublished(controller.stepSummary()->lossBefore, "0.298371109");
    expectPublished(controller.stepSummary()->lossAfter, "0.291027774");
    EXPECT_EQ(core::updateText(controller.stepSummary()->parameters[4], 9),
              "w5: 0.4 -> 0.35891648");
    // And the next begins the second iteration with the updated weights.
    controller.stepForward();
    EXPECT_EQ(controller.position(), (core::StepPosition{1, 1}));
    EXPECT_FALSE(controller.stepSummary());
    expectPublished(controller.snapshot().weightsBefore()[4], "0.35891648");
}

TEST(TermSteppingTest, PhaseStepsEndOnTheSummaryOfThePhaseJustFinished) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.setGranularity(Granularity::Phase);
    const std::pair<core::StepPosition, core::Phase> stops[] = {{{0, 11}, core::Phase::Forward},
                                                                {{0, 35}, core::Phase::Backward},
                                                                {{0, 43}, core::Phase::Update},
                                                                {{1, 11}, core::Phase::Forward}};
    for (const auto& [position, phase] : stops) {
        controller.stepForward();
        EXPECT_EQ(controller.position(), position);
        EXPECT_EQ(controller.finishedPhase(), phase);
        EXPECT_EQ(controller.stepSummary().has_value(), phase == core::Phase::Update);
    }
}

// With several samples, the network shows the sample of the term being computed (its symbol
// carries the sample's mark, "^(2)"), whatever the chooser says; a term of the whole batch, and
// a whole iteration, show the sample chosen.
TEST(TermSteppingTest, EachTermShowsItsOwnSample) {
    for (int chosen : {0, 1}) {
        ui::TrainingController controller;
        controller.load(preset("oscillate"), "oscillate");
        controller.setChosenSample(chosen);
        EXPECT_EQ(controller.shownSample(), chosen);
        controller.setGranularity(Granularity::Term);
        int seen[2] = {0, 0};
        for (int i = 0; i < controller.explanation()->size(); ++i) {
            controller.stepForward();
            const std::string symbol = core::plainFromMarkup(currentTerm(controller).symbol);
            const bool first = symbol.find("^(1)") != std::string::npos;
            const bool second = symbol.find("^(2)") != std::string::npos;
            const int expected = first ? 0 : second ? 1 : chosen;
            EXPECT_EQ(controller.shownSample(), expected) << symbol << ", chosen " << chosen;
            seen[0] += first;
            seen[1] += second;
        }
        EXPECT_GT(seen[0], 10);
        EXPECT_GT(seen[1], 10);
        controller.setGranularity(Granularity::Iteration);
        EXPECT_EQ(controller.shownSample(), chosen);
    }
}

TEST(TermSteppingTest, TheNetworkShowsOnlyWhatIsComputedAndHighlightsThePath) {
    ui::MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ui::TrainingController& controller = *window.controller();
    controller.setGranularity(Granularity::Term);
    controller.stepForward();  // net_h1
    ui::NetworkView& view = *window.networkView();
    // Before its gradient is computed a label shows "?" for it (full or short form).
    EXPECT_TRUE(view.weightLabelText(4).contains("w5"));
    EXPECT_TRUE(view.weightLabelText(4).endsWith("?")) << view.weightLabelText(4).toStdString();
    EXPECT_TRUE(view.reveal().isKnown({core::Quantity::Net, 0, 1, 0}));
    EXPECT_FALSE(view.reveal().isKnown({core::Quantity::Out, 0, 1, 0}));
    // net_h1 involves h1, i1, i2, w1, w2 and b1.
    const auto lit = [&] {
        return core::expand(view.reveal().currentTerm()->highlight,
                            controller.snapshot().topology());
    };
    EXPECT_EQ(lit().weights, (std::vector<int>{0, 1}));
    EXPECT_EQ(lit().biases, std::vector<int>{0});

    while (core::plainFromMarkup(currentTerm(controller).symbol) != "dE_total/dw1")
        controller.stepForward();
    EXPECT_EQ(lit().weights, (std::vector<int>{0, 4, 6}));
    EXPECT_TRUE(lit().loss);
    EXPECT_TRUE(view.weightLabelText(4).endsWith("0.08217"));
    EXPECT_TRUE(view.weightLabelText(0).startsWith("w1")) << view.weightLabelText(0).toStdString();
    EXPECT_TRUE(view.weightLabelText(0).contains("0.15"));
    // Once its update is revealed, a weight shows its old and new value.
    while (core::plainFromMarkup(currentTerm(controller).symbol) != "w5+")
        controller.stepForward();
    EXPECT_TRUE(view.weightLabelText(4).startsWith("w5: 0.4 \u2192 0.3589"))
        << view.weightLabelText(4).toStdString();
    // Copy gives the equation as plain text.
    window.findChild<QToolButton*>("copyFormulaButton")->click();
    EXPECT_EQ(QApplication::clipboard()->text(),
              "w5+ = w5 - lr * dE_total/dw5 = 0.4 - 0.5 * "
              "0.0821670406 = 0.35891648");
}

// Bug: opening a large session in term mode built every term of its step at once (the largest:
// 43 s and 7 GB, then abort). Each term is written when shown: the first shows at once with its
// marks on the network, the phases' summaries list their first values and count the rest, and
// memory stays small. (The model, the equation panel and the marks: the network view's label
// placement is slow on a network this dense for reasons of its own.)
TEST(TermSteppingTest, ALargeNetworkShowsItsTermsAtOnceInLittleMemory) {
    session::Session large = preset("xor");
    large.config.layers = {2, 64, 64, 64, 64, 64, 64, 2};
    large.config.activations.assign(7, core::Activation::Sigmoid);
    large.config.weights.clear();
    large.config.biases.clear();
    for (int s = 0; s < 64; ++s)
        large.config.samples.push_back({{s / 64.0, 1 - s / 64.0}, {double(s % 2), 0.5}});
    ui::TrainingController controller;
    ui::FormulaPanel panel(&controller);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    const std::size_t before = residentBytes();
    QElapsedTimer timer;
    timer.start();
    controller.setGranularity(Granularity::Term);
    controller.load(large, "large");
    controller.stepForward();
    QApplication::processEvents();
    EXPECT_GT(controller.explanation()->size(), 2'000'000);
    EXPECT_EQ(core::plainFromMarkup(currentTerm(controller).symbol), "net_h1_1^(1)");
    EXPECT_EQ(ui::DiagramMarks::of(controller.reveal(), controller.shownSample(), true)
                  .lit.weights.size(),
              2u);
    EXPECT_LT(timer.elapsed(), 5000);

    // Each phase's summary, and the step's, as shown and as copied.
    const auto* equation = panel.findChild<ui::RichTextLabel*>("formulaEquation");
    auto* copy = panel.findChild<QToolButton*>("copyFormulaButton");
    controller.setGranularity(Granularity::Phase);
    for (const core::Phase phase :
         {core::Phase::Forward, core::Phase::Backward, core::Phase::Update}) {
        controller.stepForward();
        QApplication::processEvents();
        ASSERT_EQ(controller.finishedPhase(), phase);
        EXPECT_TRUE(equation->html().contains("more")) << int(phase);
        copy->click();
        EXPECT_LE(QApplication::clipboard()->text().count('\n'), ui::summaryRows + 1) << int(phase);
    }
    EXPECT_LT(timer.elapsed(), 15000);
    if (testing_support::kResidentBytesTellWhatIsKept)
        EXPECT_LT(residentBytes() - before, std::size_t{200} << 20);
}

// The state at a position: where it is, and every number the view would show.
struct Recorded {
    core::StepPosition position;
    core::Parameters parameters;
    double loss;
    bool operator==(const Recorded&) const = default;
};

Recorded record(const ui::TrainingController& controller) {
    return {controller.position(), controller.snapshot().parametersBefore(),
            controller.snapshot().loss()};
}

TEST(TermSteppingTest, StepBackRetracesEveryStepBitForBitAtEveryGranularity) {
    for (Granularity granularity :
         {Granularity::Iteration, Granularity::Phase, Granularity::Term}) {
        ui::TrainingController controller;
        controller.load(preset("oscillate"), "oscillate");
        controller.setGranularity(granularity);
        std::vector<Recorded> states{record(controller)};
        for (int i = 0; i < 120; ++i) {
            controller.stepForward();
            states.push_back(record(controller));
        }
        for (int i = int(states.size()) - 2; i >= 0; --i) {
            controller.stepBack();
            EXPECT_EQ(record(controller), states[i]) << int(granularity) << ", step " << i;
        }
        const Recorded start = record(controller);
        controller.stepBack();  // at the very start: nothing happens
        EXPECT_EQ(record(controller), start);
        // And forward again replays exactly.
        for (std::size_t i = 1; i < states.size(); ++i) {
            controller.stepForward();
            EXPECT_EQ(record(controller), states[i]);
        }
    }
}

TEST(TermSteppingTest, ScrubbingMatchesAFreshRun) {
    ui::TrainingController controller;
    controller.load(preset("oscillate"), "oscillate");
    controller.run(5000);
    for (long long target : {0LL, 1LL, 999LL, 1000LL, 1001LL, 3333LL, 5000LL, 42LL}) {
        controller.seek(target);
        core::Trainer fresh(preset("oscillate").config);
        fresh.run(target);
        EXPECT_EQ(controller.iteration(), target);
        EXPECT_EQ(controller.snapshot().parametersBefore(), fresh.parameters()) << target;
    }
    EXPECT_EQ(controller.recordedEnd(), 5000);
    EXPECT_EQ(controller.history().size(), 5001);
}

TEST(TermSteppingTest, TheLearningRateIsPartOfTheHistory) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.run(50);
    controller.setLearningRate(8.0);
    controller.run(50);
    const core::Parameters recorded = controller.snapshot().parametersBefore();
    const auto losses = controller.history().points();
    controller.seek(20);
    EXPECT_EQ(controller.learningRate(), 0.5);
    controller.run(80);
    EXPECT_EQ(controller.learningRate(), 8.0);
    EXPECT_EQ(controller.snapshot().parametersBefore(), recorded);
    EXPECT_EQ(controller.history().points(), losses);
    // A new rate in the past starts a new run from there: the old future is gone.
    controller.seek(30);
    controller.setLearningRate(2.0);
    EXPECT_EQ(controller.recordedEnd(), 30);
    EXPECT_EQ(controller.history().size(), 31);
    EXPECT_EQ(controller.rateChanges().size(), 2u);
    EXPECT_EQ(controller.rateChanges().back(), (ui::RateChange{30, 2.0}));
}

TEST(TermSteppingTest, HistoryStaysSmallOverAMillionIterations) {
    ui::TrainingController controller;
    controller.load(preset("mazur"), "mazur");
    controller.run(10);
    const std::size_t small = controller.historyBytes();
    controller.run(1'000'000);
    EXPECT_EQ(controller.iteration(), 1'000'010);
    EXPECT_LT(controller.historyBytes() - small, 100u << 20);
}

}  // namespace
