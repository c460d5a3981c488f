#include "valueentry.h"

#include <QLocale>
#include <QObject>
#include <cmath>

namespace ui {

QString editedValueProblem(double value) {
    if (!std::isfinite(value)) return QObject::tr("not a finite number");
    if (std::abs(value) > maxEditedMagnitude)
        return QObject::tr("out of range: the size must be at most %1")
            .arg(maxEditedMagnitude, 0, 'g');
    return {};
}

std::optional<double> parseEditedValue(const QString& text, QString* error) {
    const QString trimmed = text.trimmed();
    // The C locale first, as numbers are written everywhere in the window; then the user's.
    bool ok = false;
    double value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok) value = QLocale().toDouble(trimmed, &ok);
    // Qt reads "inf" and "nan" as numbers; they are named as what they are.
    if (!ok) {
        if (error) *error = QObject::tr("\"%1\" is not a number").arg(trimmed);
        return std::nullopt;
    }
    if (const QString problem = editedValueProblem(value); !problem.isEmpty()) {
        if (error) *error = problem;
        return std::nullopt;
    }
    return value;
}

}  // namespace ui
