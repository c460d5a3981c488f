// The formula panel colours each factor of the term shown; the palette gives those colours.
#include "ui/formulapanel.h"

#include <gtest/gtest.h>

#include <QTextBlock>
#include <QTextDocument>

#include "ui/palette.h"
#include "ui/richtextlabel.h"
#include "ui/session/presetlibrary.h"
#include "ui/trainingcontroller.h"

namespace {

// The colour and weight of the text `fragment` in `html` laid out with `css`, as Qt applies them.
QTextCharFormat formatOf(const QString& html, const QString& css, const QString& fragment) {
    QTextDocument document;
    document.setDefaultStyleSheet(css);
    document.setHtml(html);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().text() == fragment) return it.fragment().charFormat();
    ADD_FAILURE() << "no fragment " << fragment.toStdString() << " in " << html.toStdString();
    return {};
}

TEST(FormulaPanelTest, FactorColoursCycleAndAvoidTheHighlight) {
    EXPECT_EQ(ui::Palette::factor(0), QColor(0x00, 0x72, 0xB2));
    EXPECT_EQ(ui::Palette::factor(1), QColor(0xD5, 0x5E, 0x00));
    EXPECT_EQ(ui::Palette::factor(5), ui::Palette::factor(0));
    EXPECT_EQ(ui::Palette::factor(13), ui::Palette::factor(3));
    for (int k = 0; k < 5; ++k) {
        EXPECT_NE(ui::Palette::factor(k), ui::Palette::highlight()) << k;
        for (int other = 0; other < k; ++other)
            EXPECT_NE(ui::Palette::factor(k), ui::Palette::factor(other)) << k << " " << other;
    }
    EXPECT_EQ(ui::Palette::factorStyleSheet(2),
              ".f0 { color: #0072b2; }\n.f1 { color: #d55e00; }\n");
    EXPECT_EQ(ui::Palette::factorStyleSheet(0), "");
}

// net_h1 = w1 * i1 + w2 * i2 + b1 * 1: w1 and 0.15 in the first colour, b1 and 0.35 in the fifth,
// the value computed in bold.
TEST(FormulaPanelTest, EachFactorsSymbolAndNumberShareItsColour) {
    ui::TrainingController controller;
    controller.load(session::PresetLibrary::builtIn().find("mazur")->session, "mazur");
    ui::FormulaPanel panel(&controller);
    controller.setGranularity(core::Granularity::Term);
    controller.stepForward();
    const auto* equation = panel.findChild<ui::RichTextLabel*>("formulaEquation");
    ASSERT_TRUE(equation);
    const QString html = equation->html();
    const QString css = equation->defaultStyleSheet();
    EXPECT_EQ(css, ui::Palette::factorStyleSheet(5));
    EXPECT_TRUE(html.contains("<span class=\"f0\">w<sub>1</sub></span>")) << html.toStdString();
    EXPECT_TRUE(html.contains("<span class=\"f0\">0.15</span>")) << html.toStdString();
    EXPECT_EQ(formatOf(html, css, "0.15").foreground().color(), ui::Palette::factor(0));
    EXPECT_EQ(formatOf(html, css, "0.05").foreground().color(), ui::Palette::factor(1));
    EXPECT_EQ(formatOf(html, css, "0.35").foreground().color(), ui::Palette::factor(4));
    EXPECT_EQ(formatOf(html, css, "b").foreground().color(), ui::Palette::factor(4));
    EXPECT_EQ(formatOf(html, css, "0.3775").fontWeight(), QFont::Bold);
    EXPECT_FALSE(formatOf(html, css, "0.3775").hasProperty(QTextFormat::ForegroundBrush));
}

}  // namespace
