// The handouts of --explain: Markdown with every term of the worked example's first step and
// the article's values, LaTeX that pdflatex compiles, HTML that is well-formed.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include "../core/workedexample.h"
#include "clirun.h"

namespace {

using testing_support::kFirstStep;
using testing_support::runCli;

QString handout(const char* format, const QStringList& more = {}) {
    const testing_support::CliResult result =
        runCli(QStringList{"--explain", "--format", format} + more);
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.err.isEmpty()) << result.err.toStdString();
    return result.out;
}

TEST(CliHandoutTest, MarkdownHasEveryTermWithTheArticlesValues) {
    const QString markdown = handout("markdown");
    const QStringList lines = markdown.split('\n');
    EXPECT_TRUE(lines.front().startsWith("# Backprop Lab: preset mazur"));
    QStringList items;
    for (const QString& line : lines)
        if (line.startsWith("1. `")) items.append(line);
    ASSERT_EQ(items.size(), 43);
    EXPECT_EQ(markdown.count("\n## "), 3);  // forward, backward, update
    // Term k is the article's term k: its symbol first, its value last, as the article has it.
    for (int k = 0; k < 43; ++k) {
        const auto& [symbol, value] = kFirstStep[k];
        const QString item = items[k];
        EXPECT_TRUE(item.startsWith(QStringLiteral("1. `%1 = ").arg(symbol)))
            << k << ": " << item.toStdString();
        const QString last = item.section(" = ", -1).section('`', 0, 0);
        EXPECT_NEAR(last.toDouble(), value, 5e-9 * std::abs(value)) << symbol;
    }
    // Each formula is followed by the sentence on what it means.
    EXPECT_TRUE(markdown.contains("`  \n   The total input of h1"));
}

TEST(CliHandoutTest, HtmlIsWellFormedAndSelfContained) {
    const QString html = handout("html");
    QXmlStreamReader reader(html);
    int items = 0, headings = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QStringLiteral("li")) ++items;
        if (reader.isStartElement() && reader.name() == QStringLiteral("h2")) ++headings;
    }
    EXPECT_FALSE(reader.hasError())
        << reader.errorString().toStdString() << " at line " << reader.lineNumber();
    EXPECT_EQ(items, 43);
    EXPECT_EQ(headings, 3);
    // No network access needed: nothing is fetched.
    EXPECT_FALSE(html.contains("http"));
    EXPECT_FALSE(html.contains("<script"));
    EXPECT_TRUE(html.contains("\u2202E<sub>total</sub>/\u2202w<sub>5</sub>"));
    EXPECT_TRUE(html.contains("<b>0.35891648</b>"));
}

TEST(CliHandoutTest, LatexCompilesWithPdflatex) {
    const QString latex = handout("latex", {"--momentum", "0.9", "--steps", "2"});
    EXPECT_TRUE(latex.startsWith("\\documentclass{article}\n\\usepackage{amsmath}\n"));
    EXPECT_TRUE(latex.contains("\\beta"));  // the velocity terms
    const QString pdflatex = QStandardPaths::findExecutable("pdflatex");
    if (pdflatex.isEmpty()) GTEST_SKIP() << "pdflatex is not installed";
    QTemporaryDir dir;
    QFile file(dir.filePath("handout.tex"));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(latex.toUtf8());
    file.close();
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(pdflatex, {"-interaction=nonstopmode", "-halt-on-error", "handout.tex"});
    ASSERT_TRUE(process.waitForFinished(120000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardOutput().right(2000).toStdString();
    EXPECT_TRUE(QFile::exists(dir.filePath("handout.pdf")));
}

TEST(CliHandoutTest, AHandoutFormatNeedsExplain) {
    const testing_support::CliResult result = runCli({"--format", "markdown"});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.isEmpty());
    EXPECT_EQ(result.err.count('\n'), 1);
}

}  // namespace
