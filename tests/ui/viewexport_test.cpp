// File > Export: each part of the window as PNG at 1x/2x/3x, SVG whose text stays text, and
// vector PDF whose text pdftotext extracts; the loss curve as CSV.
#include <gtest/gtest.h>

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <qcustomplot.h>
#include "../core/workedexample.h"
#include "core/trainer.h"
#include "editparts.h"
#include "ui/formulapanel.h"
#include "ui/lossplot.h"
#include "ui/mainwindow.h"
#include "ui/networkview.h"
#include "ui/session/presetlibrary.h"
#include "ui/viewexport.h"

namespace {

using Format = ui::ViewExport::Format;

// The text of every <text> element of an SVG, which must parse.
QStringList svgTexts(const QByteArray& svg) {
    QXmlStreamReader reader(svg);
    QStringList texts;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QStringLiteral("text"))
            texts.append(reader.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
    }
    EXPECT_FALSE(reader.hasError()) << reader.errorString().toStdString();
    return texts;
}

TEST(ViewExportTest, NetworkSvgKeepsTheParameterNamesAsText) {
    auto shown = testing_support::shownWindow();
    const QStringList texts = svgTexts(ui::ViewExport::draw(*shown->networkView(), Format::Svg));
    for (const char* name : {"w1", "w5", "w8", "b1", "b2"})
        EXPECT_TRUE(texts.filter(QRegularExpression(QStringLiteral("^%1\\b").arg(name))).size() > 0)
            << name << " in " << texts.join(" | ").toStdString();
}

TEST(ViewExportTest, PngAtTwiceTheScaleHasTwiceThePixels) {
    auto shown = testing_support::shownWindow();
    for (QWidget* part :
         std::initializer_list<QWidget*>{shown->networkView(), shown->lossPlot()->customPlot(),
                                         shown->formulaPanel(), shown.get()}) {
        const QImage once = QImage::fromData(ui::ViewExport::draw(*part, Format::Png, 1), "PNG");
        const QImage twice = QImage::fromData(ui::ViewExport::draw(*part, Format::Png, 2), "PNG");
        const QImage thrice = QImage::fromData(ui::ViewExport::draw(*part, Format::Png, 3), "PNG");
        EXPECT_EQ(once.size(), part->size());
        EXPECT_EQ(twice.size(), part->size() * 2);
        EXPECT_EQ(thrice.size(), part->size() * 3);
    }
}

TEST(ViewExportTest, PdfIsVectorWithItsTextExtractable) {
    auto shown = testing_support::shownWindow();
    const QByteArray pdf = ui::ViewExport::draw(*shown->networkView(), Format::Pdf);
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    if (pdftotext.isEmpty()) GTEST_SKIP() << "pdftotext is not installed";
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath("network.pdf");
    ASSERT_TRUE(ui::ViewExport::save(*shown->networkView(), path, 1, &error))
        << error.toStdString();
    QProcess process;
    process.start(pdftotext, {path, "-"});
    ASSERT_TRUE(process.waitForFinished(30000));
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    for (const char* name : {"w5", "b2", "E_total"})
        EXPECT_TRUE(text.contains(name)) << name << " in " << text.toStdString();
    // The plot too draws as vectors: its axis names are text.
    ASSERT_TRUE(ui::ViewExport::save(*shown->lossPlot()->customPlot(), dir.filePath("plot.pdf"), 1,
                                     &error));
    process.start(pdftotext, {dir.filePath("plot.pdf"), "-"});
    ASSERT_TRUE(process.waitForFinished(30000));
    EXPECT_TRUE(QString::fromUtf8(process.readAllStandardOutput()).contains("iteration"));
}

TEST(ViewExportTest, AnUnknownExtensionIsRefusedAndWritesNothing) {
    auto shown = testing_support::shownWindow();
    QTemporaryDir dir;
    QString error;
    EXPECT_FALSE(ui::ViewExport::save(*shown->networkView(), dir.filePath("a.bmp"), 1, &error));
    EXPECT_TRUE(error.contains(".png, .svg or .pdf"));
    EXPECT_FALSE(QFile::exists(dir.filePath("a.bmp")));
}

// The rows are the losses a trainer of its own gives before each update, at the rates set.
TEST(ViewExportTest, LossCsvHasEveryPointWithItsRate) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    model.run(3);
    model.setLearningRate(2.0);
    model.run(2);
    const QStringList rows = QString::fromUtf8(ui::ViewExport::lossCsv(model)).split('\n');
    ASSERT_EQ(rows.size(), 1 + 6 + 1);  // header, iterations 0..5, the final line end
    EXPECT_EQ(rows[0], "step,learning_rate,loss");
    core::Trainer trainer(session::PresetLibrary::builtIn().find("mazur")->session.config);
    std::vector<double> losses;
    trainer.run(3, &losses);
    trainer.setLearningRate(2.0);
    trainer.run(2, &losses);
    losses.push_back(trainer.evaluate().loss());
    for (int k = 0; k <= 5; ++k) {
        const QStringList cells = rows[k + 1].split(',');
        ASSERT_EQ(cells.size(), 3);
        EXPECT_EQ(cells[0].toInt(), k);
        EXPECT_EQ(cells[1].toDouble(), k < 3 ? 0.5 : 2.0) << k;
        EXPECT_EQ(cells[2].toDouble(), losses[k]) << k;
    }
}

}  // namespace

namespace {

// The columns of backprop-lab-cli --format csv, every iteration replayed with its rates: the
// first row is the article's start, the second has its w5 after one step, 0.35891648.
TEST(ViewExportTest, ParametersCsvHasTheCliColumnsForEveryIteration) {
    auto shown = testing_support::shownWindow();
    ui::TrainingController& model = *shown->controller();
    model.run(2);
    model.setLearningRate(2.0);
    model.run(3);
    QString error;
    const QStringList rows =
        QString::fromUtf8(ui::ViewExport::parametersCsv(model, &error)).split('\n');
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    ASSERT_EQ(rows.size(), 1 + 6 + 1);
    EXPECT_EQ(rows[0], "step,learning_rate,loss,w1,w2,w3,w4,w5,w6,w7,w8,b1,b2");
    EXPECT_TRUE(rows[1].startsWith("0,0.5,0.29837110876000272,0.14999999999999999,"));
    testing_support::expectPublished(rows[2].split(',')[7].toDouble(), "0.35891648");
    core::Trainer trainer(session::PresetLibrary::builtIn().find("mazur")->session.config);
    trainer.run(2);
    trainer.setLearningRate(2.0);
    trainer.run(3);
    const QStringList last = rows[6].split(',');
    EXPECT_EQ(last[0], "5");
    EXPECT_EQ(last[1].toDouble(), 2.0);
    EXPECT_EQ(last[2].toDouble(), trainer.evaluate().loss());
    for (int w = 0; w < 8; ++w)
        EXPECT_EQ(last[3 + w].toDouble(), trainer.parameters().weights[w]) << w;
}

}  // namespace
