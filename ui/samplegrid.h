#pragma once

#include <QTableView>

#include "trainingcontroller.h"

namespace ui {

class SampleRows;
class ValueEditor;

// Every training sample of the model's session, one column each: its inputs, its targets, the
// network's outputs for it at the current step and its own loss E, in rows named as the network
// names them (i1, target o1, out o1, E). Values the position has not revealed show "?". The
// column of the sample the network shows is marked; choosing a column asks the model to show
// that sample. An input or a target is typed over where it stands (double-click, F2, or a digit
// typed on the cell): the field says at once what is wrong with a bad entry, which changes
// nothing. A view of the model: it asks the model for every cell and keeps none.
class SampleGrid : public QTableView {
    Q_OBJECT

public:
    explicit SampleGrid(TrainingController* model, QWidget* parent = nullptr);

    // The text of quantity `row` (in the order of headers()) for `sample`, as shown: "0.7514".
    QString text(int sample, int row) const;
    // The names of the rows, top to bottom: "i1", "i2", "target o1", .., "out o1", .., "E".
    QStringList headers() const;
    // The marked column: the sample the network shows (-1 when there are no samples).
    int markedSample() const;
    // Opens the editor of quantity `row` of `sample` over its cell, holding `typed` if given,
    // else the value at full precision; null for a computed quantity.
    ValueEditor* editValue(int sample, int row, const QString& typed = {});

    // As wide as its columns and as tall as its rows, to sit beside the network unscrolled.
    QSize sizeHint() const override;

    using QTableView::edit;

protected:
    // Every edit trigger opens a ValueEditor (not a delegate's), as the network's values do.
    bool edit(const QModelIndex& index, EditTrigger trigger, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    SampleRows* rows() const;
    void refresh(TrainingController::Changes what);
    void markShownSample();
    void fitColumns(bool afresh);

    TrainingController* model_;
};

}  // namespace ui
