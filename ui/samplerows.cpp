#include "samplerows.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include "sampletable.h"

namespace ui {

SampleRows::SampleRows(const TrainingController* model, QObject* parent)
    : QAbstractTableModel(parent), model_(model) {}

int SampleRows::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || model_->snapshot().isEmpty()) return 0;
    return inputs() + 2 * outputs() + 1;
}

int SampleRows::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || model_->snapshot().isEmpty() ? 0 : model_->snapshot().sampleCount();
}

void SampleRows::update(bool reshaped) {
    const QSize shape(columnCount(), rowCount());
    if (shape != shape_) {
        // The views start over; a session of the same shape (a value typed over) keeps their
        // current cell, for the next F2.
        beginResetModel();
        shape_ = shape;
        endResetModel();
        return;
    }
    if (shape.isEmpty()) return;
    if (reshaped) emit headerDataChanged(Qt::Vertical, 0, shape.height() - 1);
    emit dataChanged(index(0, 0), index(shape.height() - 1, shape.width() - 1));
}

QString SampleRows::number(double value) const {
    return QString::fromStdString(core::formatNumber(value, model_->digits()));
}

QString SampleRows::nodeName(int layer, int node) const {
    return QString::fromStdString(model_->snapshot().topology().nodeName(layer, node));
}

std::optional<std::pair<bool, int>> SampleRows::givenValue(int row) const {
    if (row < 0 || isComputed(row)) return std::nullopt;
    return row < inputs() ? std::pair(false, row) : std::pair(true, row - inputs());
}

QString SampleRows::text(int sample, int row) const {
    const core::StepSnapshot& step = model_->snapshot();
    const core::Sample& values = step.samples()[sample];
    if (const auto given = givenValue(row))
        return number(given->first ? values.target[given->second] : values.input[given->second]);
    // What the network computes for the sample, as far as the position reveals it.
    const int output = row - inputs() - outputs();
    const int last = step.topology().layerCount() - 1;
    const core::QuantityRef ref =
        output < outputs()       ? core::QuantityRef{core::Quantity::Out, sample, last, output}
        : step.sampleCount() > 1 ? core::QuantityRef{core::Quantity::SampleLoss, sample}
                                 : core::QuantityRef{core::Quantity::Loss};
    return QString::fromStdString(model_->reveal().text(ref, model_->digits()));
}

Qt::ItemFlags SampleRows::flags(const QModelIndex& index) const {
    const Qt::ItemFlags shown = QAbstractTableModel::flags(index);
    return index.isValid() && !isComputed(index.row()) ? shown | Qt::ItemIsEditable : shown;
}

QVariant SampleRows::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    switch (role) {
        case Qt::DisplayRole:
            return text(index.column(), index.row());
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::FontRole: {
            // The column the network shows reads bold, as well as selected; computed rows italic.
            QFont font;
            font.setBold(index.column() == model_->shownSample());
            font.setItalic(isComputed(index.row()));
            return font.bold() || font.italic() ? QVariant(font) : QVariant();
        }
        case Qt::BackgroundRole:
            if (isComputed(index.row())) return QGuiApplication::palette().brush(QPalette::Window);
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
    switch (role) {
        case Qt::DisplayRole:
            return headerText(section);
        case Qt::ToolTipRole:
            return headerToolTip(section);
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::FontRole:
            if (!isComputed(section)) return {};
            {
                QFont italic;
                italic.setItalic(true);
                return italic;
            }
        default:
            return {};
    }
}

QString SampleRows::headerText(int row) const {
    const int last = model_->snapshot().topology().layerCount() - 1;
    if (row < inputs()) return nodeName(0, row);
    row -= inputs();
    if (row < outputs()) return SampleTable::tr("target %1").arg(nodeName(last, row));
    row -= outputs();
    if (row < outputs()) return SampleTable::tr("out %1").arg(nodeName(last, row));
    return SampleTable::tr("E");
}

QString SampleRows::headerToolTip(int row) const {
    const int last = model_->snapshot().topology().layerCount() - 1;
    const QString typed = SampleTable::tr(
        " Double-click it (or press F2) to type a new value: the run starts again from there, "
        "at iteration 0.");
    const QString computed = SampleTable::tr(" Computed by the network: it cannot be typed over.");
    if (row < inputs())
        return SampleTable::tr("The value the sample puts on input %1.").arg(nodeName(0, row)) +
               typed;
    row -= inputs();
    if (row < outputs())
        return SampleTable::tr("The output the sample wants from %1.").arg(nodeName(last, row)) +
               typed;
    row -= outputs();
    if (row < outputs())
        return SampleTable::tr(
                   "What %1 puts out for the sample at this step (\"?\" until the "
                   "forward pass computes it).")
                   .arg(nodeName(last, row)) +
               computed;
    if (model_->snapshot().sampleCount() > 1)
        return SampleTable::tr(
                   "E of the sample: the sum of \u00bd(target \u2212 out)\u00b2 over "
                   "its outputs; E_total is the mean of this row.") +
               computed;
    return SampleTable::tr(
               "E_total: the sum of \u00bd(target \u2212 out)\u00b2 over the outputs.") +
           computed;
}

}  // namespace ui
