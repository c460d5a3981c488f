#pragma once

#include <QObject>

class QMenu;
class QWidget;

namespace ui {

class TrainingController;

// File > Export: the network, the loss plot, the equation or the whole window as PNG (1x, 2x or
// 3x), SVG or PDF (ViewExport), and the loss curve as CSV; each asks where to write.
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
    void exportLossCsv();

    TrainingController* model_;
    Parts parts_;
};

}  // namespace ui
