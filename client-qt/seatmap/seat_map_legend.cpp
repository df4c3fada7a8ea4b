#include "client-qt/seatmap/seat_map_legend.h"

#include "client-qt/seatmap/seat_painter.h"

#include <QPainter>

namespace usher::seatmap {

namespace {

constexpr int kLineHeight = 22;
constexpr int kSymbol = 16;
constexpr int kPadding = 6;

} // namespace

SeatMapLegend::SeatMapLegend(const SeatMapModel& model, QWidget* parent) : QWidget(parent), m_model(model) {
    setAccessibleName(tr("Seat map legend"));
    const auto refresh = [this] {
        setAccessibleDescription(entries().join(QStringLiteral("; ")));
        updateGeometry();
        update();
    };
    connect(&m_model, &SeatMapModel::layoutReset, this, refresh);
    connect(&m_model, &SeatMapModel::pricesChanged, this, refresh);
    refresh();
}

QStringList SeatMapLegend::entries() const {
    QStringList lines;
    if (m_model.hasLayout()) {
        for (const layout::PriceCategory& category : m_model.layout().categories) {
            const QString price = m_model.categoryPrice(QString::fromStdString(category.id));
            const QString name = QString::fromStdString(category.name);
            lines << (price.isEmpty() ? name : tr("%1: %2").arg(name, price));
        }
    }
    for (SeatState state : kAllSeatStates) {
        lines << stateName(state);
    }
    return lines;
}

QSize SeatMapLegend::sizeHint() const {
    const QStringList lines = entries();
    int width = 0;
    for (const QString& line : lines) {
        width = std::max(width, fontMetrics().horizontalAdvance(line));
    }
    return {2 * kPadding + kSymbol + kPadding + width,
            2 * kPadding + kLineHeight * static_cast<int>(lines.size())};
}

void SeatMapLegend::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QStringList lines = entries();
    const std::size_t categories = m_model.hasLayout() ? m_model.layout().categories.size() : 0;
    for (int i = 0; i < lines.size(); ++i) {
        const auto at = static_cast<std::size_t>(i);
        const int top = kPadding + i * kLineHeight;
        const QPointF centre(kPadding + kSymbol / 2.0, top + kLineHeight / 2.0);
        SeatLook look;
        if (at < categories) {
            look.category = QColor(QString::fromStdString(m_model.layout().categories[at].color));
        } else {
            look.state = kAllSeatStates[at - categories];
            look.category = QColor(176, 176, 176); // a neutral seat: the state's shape is the point
        }
        paintSeat(painter, centre, kSymbol / 2.0 - 1, look);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(2 * kPadding + kSymbol, top, width() - 2 * kPadding - kSymbol, kLineHeight),
                         Qt::AlignVCenter | Qt::AlignLeft, lines[i]);
    }
}

} // namespace usher::seatmap
