#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

class QWidget;

namespace ui {

class TrainingController;

// Writes what a part of the window shows (the network, the loss plot, the equation, or the whole
// window) as a file: PNG at 1x, 2x or 3x its pixels, SVG whose text stays text, or vector PDF.
// A QCustomPlot draws itself as vectors; any other widget is rendered as it paints (a plot
// inside it, as the pixels on screen).
class ViewExport {
public:
    enum class Format { Png, Svg, Pdf };

    // The format a file name asks for by its extension: .png, .svg or .pdf.
    static std::optional<Format> formatOf(const QString& path);
    // The bytes of `part` drawn in `format`; PNG at `scale` (1 to 3) times its size in pixels.
    static QByteArray draw(QWidget& part, Format format, int scale = 1);
    // Writes `part` to `path` in the format of its extension, replacing the file only when all
    // of it is written; false with `error` set otherwise.
    static bool save(QWidget& part, const QString& path, int scale, QString* error);
    // The loss plot's points as CSV, "step,learning_rate,loss" and one row per point of the
    // model's curve, numbers at 17 significant digits.
    static QByteArray lossCsv(const TrainingController& model);
    // The run's parameters as CSV, the columns of `backprop-lab-cli --format csv`: one row per
    // iteration up to the furthest reached, replayed from the run's start with its rates. Empty
    // with `error` set when that is more than maxCsvNumbers numbers.
    static QByteArray parametersCsv(const TrainingController& model, QString* error);
    static constexpr double maxCsvNumbers = 1e7;
};

}  // namespace ui
