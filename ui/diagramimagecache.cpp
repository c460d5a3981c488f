#include "diagramimagecache.h"

#include <QPainter>

namespace ui {

void DiagramImageCache::draw(QPainter& painter, const QString& key, const QRectF& box,
                             qreal pixelRatio, const std::function<void(QPainter&)>& draw) {
    auto it = images_.find(key);
    if (it == images_.end()) {
        QPixmap image((box.size() * pixelRatio).toSize() + QSize(1, 1));
        image.setDevicePixelRatio(pixelRatio);
        image.fill(Qt::transparent);
        QPainter imagePainter(&image);
        imagePainter.setRenderHint(QPainter::Antialiasing);
        draw(imagePainter);
        it = images_.insert(key, image);
    }
    painter.drawPixmap(box.topLeft(), *it);
}

}  // namespace ui
