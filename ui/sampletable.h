#pragma once

#include <QWidget>

#include "trainingcontroller.h"

class QAction;

namespace ui {

class SampleGrid;

// The training samples beside the network: the grid of their values (SampleGrid), where inputs
// and targets are typed over, and above it the buttons that add a sample, remove one, and import
// or export them all as CSV (SampleCsv); the grid's context menu holds the same. Each change is
// one edit of the model, undone as one, and starts the run again at iteration 0. A file that
// cannot be read changes nothing and says why in a message box.
class SampleTable : public QWidget {
    Q_OBJECT

public:
    explicit SampleTable(TrainingController* model, QWidget* parent = nullptr);

    // The grid of the samples, one column each.
    SampleGrid* grid() const { return grid_; }

    // Adds a copy of the chosen sample right after it and chooses the copy, as one edit; false
    // (changing nothing) when there are ConfigLimits::maxSamples already.
    bool addSample();
    // Removes the chosen sample, as one edit; false (changing nothing) for the last one.
    bool removeSample();
    // Replaces the samples with those of the CSV file `path`, as one edit ("import NAME"). False
    // when the file cannot be read or does not fit the network: then nothing changes and a
    // message box says why.
    bool importCsv(const QString& path);
    // Writes the samples to the CSV file `path`, whole or not at all; false with a message box.
    bool exportCsv(const QString& path);

private:
    QAction* makeAction(const char* name, const QString& text, const QString& buttonText,
                        const QString& tip);
    QWidget* buildButtons();
    void chooseImport();
    void chooseExport();
    // Makes `samples` the model's as one edit called `what`; false, with a message box titled
    // `title`, when the model refuses them.
    bool replaceSamples(const std::vector<core::Sample>& samples, const QString& what,
                        const QString& title);
    // The font for the model's zoom.
    void applyZoom();
    void refresh();

    TrainingController* model_;
    SampleGrid* grid_ = nullptr;
    QAction* add_ = nullptr;
    QAction* remove_ = nullptr;
    QAction* import_ = nullptr;
    QAction* export_ = nullptr;
};

}  // namespace ui
