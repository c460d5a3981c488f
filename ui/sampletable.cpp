#include "sampletable.h"

#include <QAbstractTableModel>
#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <algorithm>

#include "core/markup.h"

namespace ui {

namespace {

constexpr int kRowPadding = 3;  // pixels above and below a row's text

// The table as Qt's views ask for it, each cell read from the model when asked: one column per
// sample, and in rows the inputs, then the targets, then the outputs, then E (so that a lesson's
// few samples make a narrow table beside the network).
class SampleRows : public QAbstractTableModel {
public:
    SampleRows(const TrainingController* model, QObject* parent)
        : QAbstractTableModel(parent), model_(model) {}

    int rowCount(const QModelIndex& parent = {}) const override {
        if (parent.isValid() || model_->snapshot().isEmpty()) return 0;
        return inputs() + 2 * outputs() + 1;
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() || model_->snapshot().isEmpty() ? 0
                                                                : model_->snapshot().sampleCount();
    }
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The text of a cell, "?" while the position has not revealed it.
    QString text(int sample, int column) const;
    // The name of quantity `row`: "i1", "target o1", "out o1", "E".
    QString rowName(int row) const { return headerText(row); }
    // Tells the views that every cell may read otherwise (or, `reshaped`, the rows and columns).
    void update(bool reshaped) {
        if (reshaped) {
            beginResetModel();
            endResetModel();
        } else if (rowCount() > 0) {
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        }
    }

private:
    int inputs() const { return model_->snapshot().topology().inputCount(); }
    int outputs() const { return model_->snapshot().topology().outputCount(); }
    QString number(double value) const {
        return QString::fromStdString(core::formatNumber(value, model_->digits()));
    }
    QString nodeName(int layer, int node) const {
        return QString::fromStdString(model_->snapshot().topology().nodeName(layer, node));
    }
    QString headerText(int column) const;
    QString headerToolTip(int column) const;

    const TrainingController* model_;
};

QString SampleRows::text(int sample, int column) const {
    const core::StepSnapshot& step = model_->snapshot();
    const core::Sample& values = step.samples()[sample];
    if (column < inputs()) return number(values.input[column]);
    column -= inputs();
    if (column < outputs()) return number(values.target[column]);
    column -= outputs();
    // What the network computes for the sample, as far as the position reveals it.
    const int last = step.topology().layerCount() - 1;
    const core::QuantityRef ref =
        column < outputs()       ? core::QuantityRef{core::Quantity::Out, sample, last, column}
        : step.sampleCount() > 1 ? core::QuantityRef{core::Quantity::SampleLoss, sample}
                                 : core::QuantityRef{core::Quantity::Loss};
    return QString::fromStdString(model_->reveal().text(ref, model_->digits()));
}

QVariant SampleRows::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    switch (role) {
        case Qt::DisplayRole:
            return text(index.column(), index.row());
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::FontRole:
            if (index.column() == model_->shownSample()) {
                // The row the network shows reads bold, as well as selected.
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::ToolTipRole:
            return headerToolTip(index.row());
        default:
            return {};
    }
}

QVariant SampleRows::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal) {
        // Just the number, to keep the columns narrow; the tooltip names it.
        if (role == Qt::DisplayRole) return section + 1;
        if (role == Qt::ToolTipRole) return SampleTable::tr("Sample %1").arg(section + 1);
        return {};
    }
    if (role == Qt::DisplayRole) return headerText(section);
    if (role == Qt::ToolTipRole) return headerToolTip(section);
    if (role == Qt::TextAlignmentRole) return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

QString SampleRows::headerText(int column) const {
    const int last = model_->snapshot().topology().layerCount() - 1;
    if (column < inputs()) return nodeName(0, column);
    column -= inputs();
    if (column < outputs()) return SampleTable::tr("target %1").arg(nodeName(last, column));
    column -= outputs();
    if (column < outputs()) return SampleTable::tr("out %1").arg(nodeName(last, column));
    return SampleTable::tr("E");
}

QString SampleRows::headerToolTip(int column) const {
    const int last = model_->snapshot().topology().layerCount() - 1;
    if (column < inputs())
        return SampleTable::tr("The value the sample puts on input %1").arg(nodeName(0, column));
    column -= inputs();
    if (column < outputs())
        return SampleTable::tr("The output the sample wants from %1").arg(nodeName(last, column));
    column -= outputs();
    if (column < outputs())
        return SampleTable::tr(
                   "What %1 puts out for the sample at this step (\"?\" until the "
                   "forward pass computes it)")
            .arg(nodeName(last, column));
    if (model_->snapshot().sampleCount() > 1)
        return SampleTable::tr(
            "E of the sample: the sum of \u00bd(target \u2212 out)\u00b2 over "
            "its outputs; E_total is the mean of this column");
    return SampleTable::tr("E_total: the sum of \u00bd(target \u2212 out)\u00b2 over the outputs");
}

}  // namespace

SampleTable::SampleTable(TrainingController* model, QWidget* parent)
    : QTableView(parent), model_(model) {
    setObjectName("sampleTable");
    setAccessibleName(tr("Training samples"));
    setToolTip(
        tr("Every training sample: its inputs and targets, what the network puts out for it at "
           "this step and its error E. The bold column is the sample the network shows; click a "
           "column to show that one."));
    setModel(new SampleRows(model_, this));
    // The selection mirrors the model: it marks the sample shown, and a click asks the model.
    setSelectionBehavior(QAbstractItemView::SelectColumns);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The keyboard stays with the window, whose arrow keys step through the training.
    setFocusPolicy(Qt::NoFocus);
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
    connect(model_, &TrainingController::changed, this, &SampleTable::refresh);
    refresh(TrainingController::Change::Session);
}

QString SampleTable::text(int sample, int row) const {
    return static_cast<const SampleRows*>(model())->text(sample, row);
}

QStringList SampleTable::headers() const {
    QStringList names;
    for (int row = 0; row < model()->rowCount(); ++row)
        names.append(model()->headerData(row, Qt::Vertical).toString());
    return names;
}

int SampleTable::markedSample() const {
    const QModelIndexList columns = selectionModel()->selectedColumns();
    return columns.isEmpty() ? -1 : columns.front().column();
}

QSize SampleTable::sizeHint() const {
    const int frame = 2 * frameWidth();
    int width = verticalHeader()->sizeHint().width() + horizontalHeader()->length() + frame;
    if (verticalScrollBar()->isVisible()) width += verticalScrollBar()->sizeHint().width();
    return {width, horizontalHeader()->sizeHint().height() + verticalHeader()->length() + frame};
}

void SampleTable::refresh(TrainingController::Changes what) {
    using Change = TrainingController::Change;
    const bool reshaped = bool(what & Change::Session);
    static_cast<SampleRows*>(model())->update(reshaped);
    markShownSample();
    fitColumns(bool(what & (Change::Session | Change::Display)));
}

void SampleTable::markShownSample() {
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
void SampleTable::fitColumns(bool afresh) {
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

void SampleTable::changeEvent(QEvent* event) {
    QTableView::changeEvent(event);
    if (event->type() != QEvent::FontChange) return;
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 2 * kRowPadding);
    fitColumns(true);
}

}  // namespace ui
