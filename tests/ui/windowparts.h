#pragma once

// Finding what a user sees as a user finds it: widgets by their object names, and the loss
// plot's texts by theirs.

#include <gtest/gtest.h>

#include <qcustomplot.h>
#include <QStringList>

#include "ui/lossplot.h"

namespace testing_support {

// The child of `parent` called `name`; fails the test when there is none.
template <class T>
T* named(const QObject& parent, const char* name) {
    T* child = parent.findChild<T*>(QString::fromUtf8(name));
    EXPECT_NE(child, nullptr) << "no " << name;
    return child;
}

// The texts of the loss plot called `name` ("rateMarkerLabel", "pinnedRunLabel",
// "regimeLabel"), in the order they were made; only those shown unless `all`.
inline QStringList plotTexts(const ui::LossPlot& plot, const char* name, bool all = false) {
    plot.customPlot()->replot();
    QStringList texts;
    for (const QCPItemText* text :
         plot.customPlot()->findChildren<QCPItemText*>(QString::fromUtf8(name)))
        if (all || text->visible()) texts.append(text->text());
    return texts;
}

}  // namespace testing_support
