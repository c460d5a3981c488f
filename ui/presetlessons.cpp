#include "presetlessons.h"

#include <QCoreApplication>

namespace ui {

QString presetLesson(const QString& name) {
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("ui::PresetLessons", text);
    };
    if (name == "mazur")
        return tr(
            "The worked example. Press Step and compare every number with the article; set "
            "Step size to Term to go through its 43 terms one by one. Then try the rate: "
            "0.5 converges slowly, 5 and 50 faster. Its stable mark sits near 55, yet even "
            "100 and 1000 converge: the sigmoids saturate, so the mark is a local "
            "statement.");
    if (name == "oscillate")
        return tr(
            "At rate 30 the loss jumps between 0.29 and 0.36 every step: the plot's corner says "
            "oscillating, and the Loss landscape tab shows the path bouncing across the valley "
            "along b2. Drag the rate down to 10 or 20 and it converges; at 50 to 60 it jumps "
            "wider. Momentum 0.3 stops the jumps at 30. The stable mark reads 50 to 800 here: "
            "these jumps are not small steps near a minimum, so the local mark does not explain "
            "them (on diverge it does).");
    if (name == "diverge")
        return tr(
            "A linear network on the input (1, 1): below a rate of about 0.98 it converges, "
            "above it every step overshoots further; near the minimum the slider's stable mark "
            "reads exactly that, 2/\u03bbmax = 0.98. At 1.2 a value overflows at step 8 and the "
            "run stops there, the value ringed: step back (Left) and lower the rate.");
    if (name == "xor")
        return tr(
            "XOR: no straight line separates the classes. At rate 2 the loss sits near "
            "0.25 for hundreds of steps, then the hidden layer finds a new representation "
            "(watch the decision map bend). Rates of 5 and 10 get there sooner; so does "
            "momentum 0.9.");
    if (name == "momentum")
        return tr(
            "Momentum 0.9 at rate 0.5 crosses XOR's plateau in about 240 steps. Pin the "
            "run, set momentum to 0 and play again: the same rate takes about 1,960. Step "
            "by Term to see each velocity computed before its weight moves.");
    return {};
}

}  // namespace ui
