#include "viewexport.h"

#include <qcustomplot.h>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>
#include <cmath>

#include "core/csvrows.h"
#include "core/numbertext.h"
#include "core/trainer.h"
#include "session/localfile.h"
#include "trainingcontroller.h"

namespace ui {

namespace {

// Draws `part` on `device` at its own size: a plot as vectors, any other widget as it paints.
void paint(QWidget& part, QPaintDevice& device) {
    if (auto* plot = qobject_cast<QCustomPlot*>(&part)) {
        QCPPainter vectors(&device);
        vectors.setMode(QCPPainter::pmVectorized);
        vectors.setMode(QCPPainter::pmNoCaching);
        plot->toPainter(&vectors, part.width(), part.height());
        return;
    }
    QPainter painter(&device);
    part.render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
}

}  // namespace

std::optional<ViewExport::Format> ViewExport::formatOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png") return Format::Png;
    if (suffix == "svg") return Format::Svg;
    if (suffix == "pdf") return Format::Pdf;
    return std::nullopt;
}

QByteArray ViewExport::draw(QWidget& part, Format format, int scale) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    const QSize size = part.size();
    switch (format) {
        case Format::Png: {
            scale = std::clamp(scale, 1, 3);
            QImage image(size * scale, QImage::Format_RGB32);  // opaque: the window colour
            image.setDevicePixelRatio(scale);
            image.fill(part.palette().window().color());
            paint(part, image);
            image.save(&buffer, "PNG");
            break;
        }
        case Format::Svg: {
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(size);
            svg.setViewBox(QRect(QPoint(), size));
            svg.setTitle(QStringLiteral("Backprop Lab"));
            paint(part, svg);
            break;
        }
        case Format::Pdf: {
            QPdfWriter pdf(&buffer);
            pdf.setTitle(QStringLiteral("Backprop Lab"));
            pdf.setCreator(QStringLiteral("Backprop Lab"));
            // One page the size of the part, at 96 dots per inch.
            pdf.setResolution(96);
            pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));
            pdf.setPageMargins(QMarginsF());
            paint(part, pdf);
            break;
        }
    }
    return bytes;
}

bool ViewExport::save(QWidget& part, const QString& path, int scale, QString* error) {
    const std::optional<Format> format = formatOf(path);
    if (!format) {
        *error = QWidget::tr("%1: an export is written as .png, .svg or .pdf").arg(path);
        return false;
    }
    return session::LocalFile::replace(QFile::encodeName(path), draw(part, *format, scale), error);
}

QByteArray ViewExport::lossCsv(const TrainingController& model) {
    std::string csv = "step,learning_rate,loss\n";
    const std::vector<RateChange> rates = model.rateChanges();
    auto rate = rates.begin();
    char number[core::kMaxNumberLength + 1];
    const auto append = [&](double value) {
        csv.append(number, core::writeNumber(number, value, core::DigitsRange::max));
    };
    for (const core::LossHistory::Point& point : model.history().points()) {
        while (std::next(rate) != rates.end() && std::next(rate)->iteration <= point.iteration)
            ++rate;
        csv += std::to_string(point.iteration) + ",";
        append(rate == rates.end() ? model.learningRate() : rate->learningRate);
        csv += ',';
        append(point.loss);
        csv += '\n';
    }
    return QByteArray::fromStdString(csv);
}

QByteArray ViewExport::parametersCsv(const TrainingController& model, QString* error) {
    const long long end = model.recordedEnd();
    core::Trainer trainer(model.session().config);
    const core::Topology& topology = trainer.topology();
    const double numbers = double(end + 1) * (3 + topology.weightCount() + topology.biasCount());
    if (numbers > maxCsvNumbers) {
        *error = QWidget::tr(
                     "%1 iterations of %2 parameters are more than 10 million numbers; "
                     "export the loss curve, or use backprop-lab-cli --format csv")
                     .arg(end + 1)
                     .arg(topology.weightCount() + topology.biasCount());
        return {};
    }
    // The run again from its start, each rate from the iteration it was set, as the CLI writes
    // it: each state's loss before its update, the last state's own.
    std::string csv = core::csvHeader(topology);
    const std::vector<RateChange> rates = model.rateChanges();
    auto rate = rates.begin();
    std::vector<double> loss;
    for (long long step = 0; step <= end; ++step) {
        while (rate != rates.end() && rate->iteration <= step) {
            trainer.setLearningRate(rate->learningRate);
            ++rate;
        }
        const core::Parameters parameters = trainer.parameters();
        loss.clear();
        if (step == end || trainer.run(1, &loss) == 0) {
            const double last = trainer.evaluate().loss();
            if (std::isfinite(last))
                core::appendCsvRow(csv, step, trainer.learningRate(), last, parameters);
            break;
        }
        core::appendCsvRow(csv, step, trainer.learningRate(), loss.front(), parameters);
    }
    return QByteArray::fromStdString(csv);
}

}  // namespace ui
