// The window's handouts: the step shown written out as the CLI writes it, saved by extension,
// and Copy all terms as plain text.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QRegularExpression>
#include <QFile>
#include <QTemporaryDir>

#include "../core/workedexample.h"
#include "core/trainer.h"
#include "editparts.h"
#include "ui/handoutexport.h"
#include "ui/mainwindow.h"
#include "ui/session/presetlibrary.h"

namespace {

session::Session preset(const char* name) {
    return session::PresetLibrary::builtIn().find(name)->session;
}

// The handout of the worked example's step `iteration + 1`, written by core from a trainer of
// its own, less its title line.
std::string expectedBody(core::HandoutFormat format, int iteration) {
    core::Trainer trainer(preset("mazur").config);
    trainer.run(iteration);
    const core::Explanation terms(trainer.preview(), 9);
    std::string text;
    core::writeHandout(terms, format, "", core::stepLead(terms.snapshot()),
                       [&](const std::string& piece) { text += piece; });
    return text.substr(text.find("Step"));
}

TEST(HandoutExportTest, TheHandoutIsOfTheStepShown) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    model.run(2);
    const QByteArray markdown = ui::HandoutExport::text(model, core::HandoutFormat::Markdown);
    EXPECT_TRUE(markdown.startsWith("# Backprop Lab: mazur, layers 2-2-2 (sigmoid, sigmoid)"))
        << markdown.left(120).toStdString();
    const std::string body = markdown.toStdString();
    EXPECT_EQ(body.substr(body.find("Step")), expectedBody(core::HandoutFormat::Markdown, 2));
    EXPECT_NE(body.find("Step 3, worked out term by term."), std::string::npos);
}

TEST(HandoutExportTest, CopyAllTermsPutsThePlainTextOnTheClipboard) {
    auto shown = testing_support::shownWindow();
    QAction* copy = shown->findChild<QAction*>("copyAllTermsAction");
    ASSERT_NE(copy, nullptr);
    copy->trigger();
    const QString text = QApplication::clipboard()->text();
    EXPECT_TRUE(text.startsWith("Backprop Lab: mazur")) << text.left(80).toStdString();
    EXPECT_TRUE(text.contains(
        "\n  w5+ = w5 - lr * dE_total/dw5 = 0.4 - 0.5 * 0.0821670406 = 0.35891648\n"));
    EXPECT_EQ(text.count(QRegularExpression("\n  \\S")), 43);  // every term, a line each
}

TEST(HandoutExportTest, SavesByExtensionAndRefusesOthers) {
    auto shown = testing_support::shownWindow();
    QAction* exportAction = shown->findChild<QAction*>("exportHandoutAction");
    ASSERT_NE(exportAction, nullptr);
    EXPECT_FALSE(exportAction->toolTip().isEmpty());
    ui::HandoutExport handouts(shown->controller(), shown.get());
    QTemporaryDir dir;
    QString error;
    for (const char* name : {"step.md", "step.tex", "step.html"}) {
        const QString path = dir.filePath(name);
        ASSERT_TRUE(handouts.save(path, &error)) << error.toStdString();
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        EXPECT_EQ(contents, ui::HandoutExport::text(*shown->controller(),
                                                    *ui::HandoutExport::formatOf(path)));
    }
    EXPECT_TRUE(QFile(dir.filePath("step.tex")).size() > 0);
    const QString other = dir.filePath("step.docx");
    EXPECT_FALSE(handouts.save(other, &error));
    EXPECT_TRUE(error.contains(".md, .tex or .html"));
    EXPECT_FALSE(QFile::exists(other));
}

}  // namespace
