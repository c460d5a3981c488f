// Predict, then reveal: answers checked against the worked example's values (right, near and
// wrong), the score of a step, the two hints, and the kinds of term asked, typed with QTest.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "../core/workedexample.h"
#include "core/markup.h"
#include "editparts.h"
#include "ui/mainwindow.h"
#include "ui/quizpanel.h"
#include "ui/quizquestion.h"
#include "ui/richtextlabel.h"

namespace {

using testing_support::kFirstStep;

TEST(QuizQuestionTest, RightWithinAThousandthOrAsShown) {
    // net_h1 = 0.3775 in the article.
    EXPECT_TRUE(ui::checkAnswer(0.3775, 0.3775, "0.3775").right);
    EXPECT_TRUE(ui::checkAnswer(0.3777, 0.3775, "0.3775").right);  // 5e-4 off
    EXPECT_FALSE(ui::checkAnswer(0.38, 0.3775, "0.3775").right);   // 7e-3 off
    EXPECT_NEAR(ui::checkAnswer(0.38, 0.3775, "0.3775").relativeError, 0.0025 / 0.3775, 1e-15);
    // A tiny value typed as the window shows it is right even past a thousandth.
    EXPECT_TRUE(ui::checkAnswer(0.0004386, 0.000438567734, "0.0004386").right);
    EXPECT_FALSE(ui::checkAnswer(0.0, 0.000438567734, "0.000438568").right);
    EXPECT_TRUE(ui::checkAnswer(0.0, 0.0, "0").right);
    EXPECT_FALSE(ui::checkAnswer(std::nan(""), 0.5, "0.5").right);
}

struct Quiz {
    std::unique_ptr<ui::MainWindow> window = testing_support::shownWindow();
    ui::QuizPanel* panel = nullptr;
    QLineEdit* answer = nullptr;

    Quiz() {
        auto* dock = window->findChild<QDockWidget*>("quizDock");
        EXPECT_NE(dock, nullptr);
        dock->show();
        panel = window->findChild<ui::QuizPanel*>("quizPanel");
        answer = panel->findChild<QLineEdit*>("quizAnswer");
    }
    void type(const QString& text) {
        answer->setFocus();
        QTest::keyClicks(answer, text);
        QTest::keyClick(answer, Qt::Key_Return);
    }
    QString text(const char* name) const {
        if (auto* label = panel->findChild<QLabel*>(name)) return label->text();
        return panel->findChild<ui::RichTextLabel*>(name)->html();
    }
};

TEST(QuizTest, RightNearAndWrongAnswersAreScored) {
    Quiz quiz;
    ui::TrainingController& model = *quiz.window->controller();
    EXPECT_EQ(model.granularity(), core::Granularity::Term);
    EXPECT_EQ(model.position().revealed, 0);
    EXPECT_TRUE(quiz.text("quizQuestion").contains("net<sub>h1</sub>"));
    quiz.type("0.3775");  // net_h1, exactly
    EXPECT_EQ(model.position().revealed, 1);
    EXPECT_TRUE(quiz.text("quizVerdict").startsWith("Right: net_h1 = 0.3775"));
    quiz.type("0.5933");  // out_h1 = 0.593269992: near enough
    EXPECT_TRUE(quiz.text("quizVerdict").startsWith("Right"));
    quiz.type("0.5");  // net_h2 = 0.3925: wrong, by 27%
    EXPECT_TRUE(quiz.text("quizVerdict").startsWith("Not quite: net_h2 = 0.3925"))
        << quiz.text("quizVerdict").toStdString();
    EXPECT_TRUE(quiz.text("quizVerdict").contains("27%"));
    EXPECT_EQ(quiz.panel->asked(), 3);
    EXPECT_EQ(quiz.panel->right(), 2);
    EXPECT_EQ(quiz.text("quizScore"), "Step 1: 2 of 3 right.");
    // Not a number: said, nothing counted or revealed.
    quiz.type("abc");
    EXPECT_EQ(quiz.panel->asked(), 3);
    EXPECT_EQ(model.position().revealed, 3);
}

TEST(QuizTest, HintsShowTheFormulaThenItsNumbersWithTheResultBlank) {
    Quiz quiz;
    auto* hint = quiz.panel->findChild<QPushButton*>("quizHintButton");
    hint->click();
    const QString first = quiz.text("quizHint");
    EXPECT_TRUE(first.contains("w<sub>1</sub>")) << first.toStdString();
    EXPECT_FALSE(first.contains("0.15"));
    hint->click();
    const QString second = quiz.text("quizHint");
    EXPECT_TRUE(second.contains("0.15"));
    EXPECT_TRUE(second.endsWith("= ?"));
    EXPECT_FALSE(second.contains("0.3775"));
}

// Only gradients ticked: the first question is dE/dw5, the article's 0.082167041, every term
// before it revealed on the way; a whole step asks each gradient once.
TEST(QuizTest, OnlyTheKindsTickedAreAsked) {
    Quiz quiz;
    for (int k = 0; k < ui::kQuizKindCount; ++k)
        quiz.panel->findChild<QCheckBox*>(QStringLiteral("quizKind%1").arg(k))
            ->setChecked(k == static_cast<int>(ui::QuizKind::Gradient));
    ui::TrainingController& model = *quiz.window->controller();
    EXPECT_EQ(model.position().revealed, 17);
    EXPECT_TRUE(quiz.text("quizQuestion").contains("w<sub>5</sub>"));
    int asked = 0;
    for (int k = 0; k < 43; ++k) {
        const auto& [symbol, value] = kFirstStep[k];
        if (QString(symbol).startsWith("dE_total/dw")) {
            quiz.type(QString::number(value, 'g', 9));
            ++asked;
        }
    }
    EXPECT_EQ(quiz.panel->asked(), asked);
    EXPECT_EQ(quiz.panel->right(), 8);
    EXPECT_TRUE(quiz.text("quizQuestion").contains("Step 1 is done"));
    // Enter goes on to the next step and asks its first gradient.
    quiz.type("");
    EXPECT_EQ(model.iteration(), 1);
    EXPECT_EQ(model.position().revealed, 17);
    EXPECT_EQ(quiz.panel->asked(), 0);
}

}  // namespace
