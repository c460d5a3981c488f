#pragma once

#include <QLineEdit>
#include <QPointer>
#include <functional>
#include <optional>

class QLabel;

namespace ui {

class TrainingController;
struct NetworkItem;

// A number of the model that the user may type over where a view shows it: a weight, a bias, an
// input of the sample shown.
struct EditableValue {
    QString name;  // as the network names it: "w5", "b1", "i1 of sample 2"
    double value = 0.0;
    // Sets it as one edit of the model; false with the error set, changing nothing.
    std::function<bool(double, QString*)> apply;
};

// `item` of the network as a number to edit, at the model's position and the sample it shows:
// a weight, a bias, or an input; nothing for the rest (computed values are not typed over).
std::optional<EditableValue> editableValue(TrainingController& model, const NetworkItem& item);
// Input (`target` false) or target `index` of sample `sample` (which the caller has checked
// exist) as a number to edit: "i1 of sample 2", "target o1 of sample 2".
EditableValue sampleValue(TrainingController& model, int sample, bool target, int index);

// The inline editor of one number: a field over the number's place, filled with its value at
// full precision and selected. Enter applies what was typed; a bad entry ("not a number", out of
// range) is said in red under the field, which stays open and changes nothing. Escape, or the
// keyboard going elsewhere, closes it without a change. It deletes itself when closed.
class ValueEditor : public QLineEdit {
    Q_OBJECT

public:
    // Opens over `box` of `parent` and takes the keyboard. Widened to hold 17 digits: on both
    // sides, or with `alignment` Qt::AlignRight leftwards only (a right-aligned number's cell).
    static ValueEditor* open(QWidget* parent, const QRect& box, EditableValue value,
                             Qt::Alignment alignment = Qt::AlignHCenter);

    // What the last Enter was refused for (empty if nothing was).
    QString error() const;

signals:
    // Closed: applied (the edit made) or not.
    void closed(bool applied);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    ValueEditor(QWidget* parent, EditableValue value);
    void commit();
    void close(bool applied);

    EditableValue value_;
    QPointer<QLabel> message_;
    bool closing_ = false;
};

}  // namespace ui
