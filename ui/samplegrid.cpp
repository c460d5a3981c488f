#include "samplegrid.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QScrollBar>
#include <algorithm>

#include "samplerows.h"
#include "valueeditor.h"

namespace ui {

namespace {

constexpr int kRowPadding = 3;  // pixels above and below a row's text

// Whether `typed` may begin a number, so that typing it on a cell starts an edit with it.
bool beginsANumber(const QString& typed) {
    return typed.size() == 1 && QStringLiteral("0123456789-+.,").contains(typed);
}

}  // namespace

SampleGrid::SampleGrid(TrainingController* model, QWidget* parent)
    : QTableView(parent), model_(model) {
    setObjectName("sampleGrid");
    setAccessibleName(tr("Training samples"));
    setToolTip(
        tr("Every training sample: its inputs and targets, what the network puts out for it at "
           "this step and its error E. The bold column is the sample the network shows; click a "
           "column to show that one. Double-click an input or a target to change it."));
    setModel(new SampleRows(model_, this));
    // The selection mirrors the model: it marks the sample shown, and a click asks the model.
    setSelectionBehavior(QAbstractItemView::SelectColumns);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(DoubleClicked | EditKeyPressed | AnyKeyPressed);
    // A click gives the keyboard for F2 and typing; the window's own keys (arrows, Space, R)
    // stay its shortcuts, which an item view does not take.
    setFocusPolicy(Qt::ClickFocus);
    setTabKeyNavigation(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setAlternatingRowColors(true);
    horizontalHeader()->setHighlightSections(false);
    verticalHeader()->setHighlightSections(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 2 * kRowPadding);
    connect(this, &QAbstractItemView::pressed, this,
            [this](const QModelIndex& index) { model_->setChosenSample(index.column()); });
    connect(horizontalHeader(), &QHeaderView::sectionPressed, model_,
            &TrainingController::setChosenSample);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, [this] { fitColumns(false); });
    connect(model_, &TrainingController::changed, this, &SampleGrid::refresh);
    refresh(TrainingController::Change::Session);
}

SampleRows* SampleGrid::rows() const {
    return static_cast<SampleRows*>(model());
}

QString SampleGrid::text(int sample, int row) const {
    return rows()->text(sample, row);
}

QStringList SampleGrid::headers() const {
    QStringList names;
    for (int row = 0; row < model()->rowCount(); ++row)
        names.append(model()->headerData(row, Qt::Vertical).toString());
    return names;
}

int SampleGrid::markedSample() const {
    const QModelIndexList columns = selectionModel()->selectedColumns();
    return columns.isEmpty() ? -1 : columns.front().column();
}

ValueEditor* SampleGrid::editValue(int sample, int row, const QString& typed) {
    const auto given = rows()->givenValue(row);
    if (!given || sample < 0 || sample >= model()->columnCount()) return nullptr;
    // Over the cell, its right edge where the number ends, in the window: the field is wider than
    // a column, and its message wider still.
    QWidget* host = window();
    const QRect cell = visualRect(model()->index(row, sample));
    ValueEditor* editor = ValueEditor::open(
        host, QRect(viewport()->mapTo(host, cell.topLeft()), cell.size()),
        sampleValue(*model_, sample, given->first, given->second), Qt::AlignRight);
    if (!typed.isEmpty()) editor->setText(typed);
    connect(editor, &ValueEditor::closed, this, [this] { setFocus(Qt::OtherFocusReason); });
    return editor;
}

bool SampleGrid::edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) {
    if (!index.isValid() || !(editTriggers() & trigger)) return false;
    QString typed;
    if (trigger == AnyKeyPressed) {
        typed = static_cast<QKeyEvent*>(event)->text();
        if (!beginsANumber(typed)) return false;
    }
    return editValue(index.column(), index.row(), typed) != nullptr;
}

QSize SampleGrid::sizeHint() const {
    const int frame = 2 * frameWidth();
    int width = verticalHeader()->sizeHint().width() + horizontalHeader()->length() + frame;
    if (verticalScrollBar()->isVisible()) width += verticalScrollBar()->sizeHint().width();
    return {width, horizontalHeader()->sizeHint().height() + verticalHeader()->length() + frame};
}

void SampleGrid::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    const bool reshaped = bool(what & Change::Session);
    rows()->update(reshaped);
    markShownSample();
    fitColumns(bool(what & (Change::Session | Change::Display)));
}

void SampleGrid::markShownSample() {
    const int shown = model_->shownSample();
    if (shown == markedSample() || shown >= model()->columnCount()) return;
    selectionModel()->select(model()->index(0, shown),
                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Columns);
    scrollTo(model()->index(0, shown));
}

// Each column as wide as its header and the widest text it has shown since the session or the
// digits changed: it grows as numbers lengthen but does not jitter as they change while playing.
// Afresh every column is measured; else only those in view (a batch of 1024 samples has as many
// columns, whose measuring took 20 ms a step), the others when scrolled into view.
void SampleGrid::fitColumns(bool afresh) {
    bool changed = false;
    const int count = model()->columnCount();
    int first = 0, last = count - 1;
    if (!afresh && count > 0) {
        first = std::max(0, columnAt(0));
        const int right = columnAt(viewport()->width() - 1);
        last = right < 0 ? count - 1 : right;
    }
    for (int column = first; column <= last; ++column) {
        const int needed =
            std::max(sizeHintForColumn(column), horizontalHeader()->sectionSizeHint(column));
        const int width = afresh ? needed : std::max(needed, columnWidth(column));
        if (width == columnWidth(column)) continue;
        setColumnWidth(column, width);
        changed = true;
    }
    // Only a new width asks the window to lay out again.
    if (changed || afresh) updateGeometry();
}

void SampleGrid::changeEvent(QEvent* event) {
    QTableView::changeEvent(event);
    if (event->type() != QEvent::FontChange) return;
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 2 * kRowPadding);
    fitColumns(true);
}

}  // namespace ui
