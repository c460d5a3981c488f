#pragma once

#include <QAbstractTableModel>
#include <QSize>
#include <optional>
#include <utility>

#include "trainingcontroller.h"

namespace ui {

// The samples of the model as Qt's views ask for them, each cell read from the model when asked:
// one column per sample, and in rows the inputs, then the targets, then the outputs, then E (so
// that a lesson's few samples make a narrow table beside the network). Inputs and targets are
// given and may be typed over; outputs and E are computed, read-only, and look it: italic on
// the window's background colour.
class SampleRows : public QAbstractTableModel {
public:
    SampleRows(const TrainingController* model, QObject* parent);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // Inputs and targets are editable; the rest only shown.
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // The text of a cell, "?" while the position has not revealed it.
    QString text(int sample, int row) const;
    // Whether quantity `row` is a target (else an input) and its index among them, for a row
    // that is given (an input or a target); nothing for a computed row.
    std::optional<std::pair<bool, int>> givenValue(int row) const;
    // Tells the views that every cell may read otherwise (or, `reshaped`, the rows, the columns
    // and their names).
    void update(bool reshaped);

private:
    int inputs() const { return model_->snapshot().topology().inputCount(); }
    int outputs() const { return model_->snapshot().topology().outputCount(); }
    bool isComputed(int row) const { return row >= inputs() + outputs(); }
    QString number(double value) const;
    QString nodeName(int layer, int node) const;
    QString headerText(int row) const;
    QString headerToolTip(int row) const;

    const TrainingController* model_;
    QSize shape_;  // the columns and rows the views were last told of
};

}  // namespace ui
