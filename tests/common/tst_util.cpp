// common/util: text helpers and BatchLanes.
#include "common/util/batch_lanes.h"
#include "common/util/text.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

using namespace usher;

class TestUtil : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void asciiLowercaseLeavesOtherBytes() {
        QCOMPARE(QString::fromStdString(asciiLowercase("Ann@Example.COM")),
                 QStringLiteral("ann@example.com"));
        QCOMPARE(asciiLowercase("\xC3\x89"), std::string("\xC3\x89")); // É is not ASCII: unchanged
    }

    void uuidShape() {
        QVERIFY(isUuid("123e4567-e89b-12d3-a456-426614174000"));
        QVERIFY(isUuid("123E4567-E89B-12D3-A456-426614174000"));
        QVERIFY(!isUuid("123e4567e89b12d3a456426614174000"));
        QVERIFY(!isUuid("123e4567-e89b-12d3-a456-42661417400g"));
        QVERIFY(!isUuid("123e4567-e89b-12d3-a456-4266141740000"));
        QVERIFY(!isUuid(""));
    }

    void everyItemRunsOnceInSomeBatch() {
        struct Item {
            int value = 0;
            int runs = 0;
        };
        std::mutex mutex;
        std::vector<std::size_t> batchSizes;
        BatchLanes<int, Item> lanes(4, [&](const int&, const std::vector<Item*>& batch) {
            std::lock_guard lock(mutex);
            batchSizes.push_back(batch.size());
            for (Item* item : batch) {
                ++item->runs;
            }
        });
        constexpr int kThreads = 16;
        std::vector<Item> items(kThreads);
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&, i] {
                items[static_cast<std::size_t>(i)].value = i;
                lanes.submit(i % 2, items[static_cast<std::size_t>(i)]); // two keys
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        for (const Item& item : items) {
            QCOMPARE(item.runs, 1);
        }
        std::size_t total = 0;
        for (std::size_t size : batchSizes) {
            QVERIFY(size >= 1 && size <= 4); // never more than maxBatch
            total += size;
        }
        QCOMPARE(total, std::size_t{kThreads});
    }

    void batchesOfOneKeyOverlapUpToMaxRunning() {
        struct Item {
            int runs = 0;
        };
        std::mutex mutex;
        std::condition_variable changed;
        int running = 0;
        int mostRunning = 0;
        BatchLanes<int, Item> lanes(
            1,
            [&](const int&, const std::vector<Item*>& batch) {
                std::unique_lock lock(mutex);
                ++running;
                mostRunning = std::max(mostRunning, running);
                changed.notify_all();
                // The first batch waits until a second one runs beside it (or gives up).
                changed.wait_for(lock, std::chrono::seconds(10), [&] { return mostRunning >= 2; });
                for (Item* item : batch) {
                    ++item->runs;
                }
                --running;
            },
            2);
        std::vector<Item> items(8);
        std::vector<std::thread> threads;
        for (auto& item : items) {
            threads.emplace_back([&lanes, &item] { lanes.submit(7, item); });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(mostRunning, 2); // overlapping, and never more than two
        for (const Item& item : items) {
            QCOMPARE(item.runs, 1);
        }
    }

    void aFailingBatchFailsItsItemsOnly() {
        struct Item {
            bool poison = false;
        };
        BatchLanes<int, Item> lanes(8, [](const int&, const std::vector<Item*>& batch) {
            for (const Item* item : batch) {
                if (item->poison) {
                    throw std::runtime_error("poisoned batch");
                }
            }
        });
        Item poison{true};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, lanes.submit(1, poison));
        Item fine;
        lanes.submit(1, fine); // the lane is free again
        lanes.submit(2, fine);
    }
};

QTEST_GUILESS_MAIN(TestUtil)
#include "tst_util.moc"
