#include "sampletable.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "fitting.h"
#include "samplegrid.h"
#include "ui/session/samplecsv.h"
#include "valueentry.h"
#include "zoomlevels.h"

namespace ui {

namespace {

// A button of the row above the grid called `name` and, for screen readers, `spoken`.
QToolButton* button(const char* name, const QString& spoken) {
    auto* result = new QToolButton;
    result->setObjectName(name);
    result->setAccessibleName(spoken);
    result->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return result;
}

}  // namespace

SampleTable::SampleTable(TrainingController* model, QWidget* parent)
    : QWidget(parent), model_(model) {
    setObjectName("sampleTable");
    setAccessibleName(tr("Training samples and their buttons"));
    grid_ = new SampleGrid(model_);
    // Add and Remove name the chosen sample in their texts (refresh).
    add_ = makeAction("addSampleAction", {}, tr("+ Sample"), {});
    remove_ = makeAction("removeSampleAction", {}, tr("\u2212 Sample"), {});
    import_ = makeAction("importCsvAction", tr("Import CSV..."), {},
                         tr("Replace the samples with those of a CSV file: a line a sample, its "
                            "inputs then its targets, a header line optional. The run starts "
                            "again at iteration 0."));
    export_ = makeAction("exportCsvAction", tr("Export CSV..."), {},
                         tr("Write the samples to a CSV file: a header naming the columns, then "
                            "a line a sample, every number exact."));
    connect(add_, &QAction::triggered, this, &SampleTable::addSample);
    connect(remove_, &QAction::triggered, this, &SampleTable::removeSample);
    connect(import_, &QAction::triggered, this, &SampleTable::chooseImport);
    connect(export_, &QAction::triggered, this, &SampleTable::chooseExport);
    // The grid's context menu: the same actions.
    grid_->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    grid_->addActions({add_, remove_, separator, import_, export_});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(buildButtons());
    layout->addWidget(grid_, 1);
    connect(model_, &TrainingController::changed, this, [this](TrainingController::Changes what) {
        if (what & TrainingController::Change::Zoom) applyZoom();
        if (what & (TrainingController::Change::Session | TrainingController::Change::Display))
            refresh();
    });
    applyZoom();
    refresh();
}

QAction* SampleTable::makeAction(const char* name, const QString& text, const QString& buttonText,
                                 const QString& tip) {
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    if (!buttonText.isEmpty()) action->setIconText(buttonText);
    action->setToolTip(tip);
    return action;
}

// "+ Sample", "− Sample" and a "CSV" menu.
QWidget* SampleTable::buildButtons() {
    QToolButton* add = button("addSampleButton", tr("Add a sample"));
    add->setDefaultAction(add_);
    QToolButton* remove = button("removeSampleButton", tr("Remove the chosen sample"));
    remove->setDefaultAction(remove_);
    QToolButton* csv = button("csvButton", tr("CSV import and export"));
    csv->setText(tr("CSV"));
    csv->setToolTip(tr("Import the samples from a CSV file, or export them to one"));
    csv->setMenu(new QMenu(csv));
    csv->menu()->addActions({import_, export_});
    csv->setPopupMode(QToolButton::InstantPopup);
    auto* bar = new QWidget;
    bar->setObjectName("sampleButtons");
    // In the window's size, as its other buttons: the grid's larger font is for reading.
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF());  // set, so that the table's font is not passed on
    else
        font.setPixelSize(font.pixelSize());
    bar->setFont(font);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    for (QToolButton* part : {add, remove, csv})
        row->addWidget(part);
    row->addStretch(1);
    return bar;
}

// The actions' texts name the chosen sample; what cannot be done is disabled.
void SampleTable::applyZoom() {
    // As large as the network's texts, to be read from as far.
    setFont(scaled(QApplication::font(), ZoomLevels::readingScale * model_->zoomFactor()));
    updateGeometry();
}

void SampleTable::refresh() {
    const int count = model_->snapshot().isEmpty() ? 0 : model_->snapshot().sampleCount();
    const int chosen = model_->chosenSample() + 1;
    add_->setEnabled(count > 0 && count < core::ConfigLimits::maxSamples);
    add_->setText(tr("Add a Copy of Sample %1").arg(chosen));
    add_->setToolTip(tr("Add a copy of sample %1 after it, to edit; the run starts again at "
                        "iteration 0 (at most %2 samples)")
                         .arg(chosen)
                         .arg(core::ConfigLimits::maxSamples));
    remove_->setEnabled(count > 1);
    remove_->setText(tr("Remove Sample %1").arg(chosen));
    remove_->setToolTip(
        count > 1 ? tr("Remove sample %1; the run starts again at iteration 0").arg(chosen)
                  : tr("The last sample cannot be removed"));
    import_->setEnabled(count > 0);
    export_->setEnabled(count > 0);
}

bool SampleTable::addSample() {
    if (!add_->isEnabled()) return false;
    std::vector<core::Sample> samples = model_->snapshot().samples();
    const int chosen = model_->chosenSample();
    samples.insert(samples.begin() + chosen + 1, samples[chosen]);
    if (!replaceSamples(samples,
                        tr("add sample %1 (a copy of sample %2)").arg(chosen + 2).arg(chosen + 1),
                        tr("Cannot add a sample")))
        return false;
    model_->setChosenSample(chosen + 1);
    return true;
}

bool SampleTable::removeSample() {
    if (!remove_->isEnabled()) return false;
    std::vector<core::Sample> samples = model_->snapshot().samples();
    const int chosen = model_->chosenSample();
    samples.erase(samples.begin() + chosen);
    return replaceSamples(samples, tr("remove sample %1").arg(chosen + 1),
                          tr("Cannot remove the sample"));
}

bool SampleTable::importCsv(const QString& path) {
    const core::Topology& topology = model_->snapshot().topology();
    const session::SampleCsv csv(topology.inputCount(), topology.outputCount(), maxEditedMagnitude);
    QString error;
    const std::optional<std::vector<core::Sample>> samples =
        csv.read(QFile::encodeName(path), &error);
    if (!samples) {
        QMessageBox::warning(this, tr("Cannot import samples"), error);
        return false;
    }
    return replaceSamples(*samples, tr("import %1").arg(QFileInfo(path).fileName()),
                          tr("Cannot import samples"));
}

bool SampleTable::exportCsv(const QString& path) {
    QString error;
    const core::StepSnapshot& step = model_->snapshot();
    if (session::SampleCsv::save(QFile::encodeName(path), step.samples(),
                                 session::SampleCsv::columnNames(step.topology()), &error))
        return true;
    QMessageBox::warning(this, tr("Cannot export samples"), error);
    return false;
}

bool SampleTable::replaceSamples(const std::vector<core::Sample>& samples, const QString& what,
                                 const QString& title) {
    QString error;
    if (model_->editSamples(samples, what, &error)) return true;
    QMessageBox::warning(this, title, error);
    return false;
}

void SampleTable::chooseImport() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import samples"), {}, tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty()) importCsv(path);
}

void SampleTable::chooseExport() {
    QString path = QFileDialog::getSaveFileName(this, tr("Export samples"),
                                                model_->sessionName() + QStringLiteral(".csv"),
                                                tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csv");
    exportCsv(path);
}

}  // namespace ui
