#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace ui {

class TrainingController;

// File > Export: the network, the loss plot, the equation or the whole window as PNG (1x, 2x or
// 3x), SVG or PDF (ViewExport), and the loss curve or the run's parameters as CSV; each asks
// where to write.
class ExportMenu : public QObject {
    Q_OBJECT

public:
    // The parts a user can export, each named by its widget.
    struct Parts {
        QWidget* network = nullptr;
        QWidget* plot = nullptr;
        QWidget* equation = nullptr;
        QWidget* window = nullptr;
    };

    // Adds the submenu to `file`.
    ExportMenu(QMenu& file, TrainingController* model, const Parts& parts);

private:
    void exportPart(QWidget* part, const QString& name);
    // Asks where to write `rows` (CSV), named `name`, or says `problem` when there is one.
    void exportCsv(const QString& name, const QString& suffix, const QByteArray& rows,
                   const QString& problem);

    TrainingController* model_;
    Parts parts_;
};

}  // namespace ui
