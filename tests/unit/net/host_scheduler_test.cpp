// SPDX-License-Identifier: MIT
#include "net/host_scheduler.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace marginalia::net {
namespace {

int items[16];

TEST(HostScheduler, StartsAtMostThePerHostLimitAndServesHostsInTurn) {
  HostScheduler scheduler(2, Milliseconds(0));
  Clock::time_point now = Clock::now();
  for (int i = 0; i < 4; ++i) scheduler.push(&items[i], "a:80", now);
  scheduler.push(&items[10], "b:80", now);
  Clock::time_point wake = Clock::time_point::max();
  std::vector<void*> started;
  while (void* item = scheduler.pop_ready(now, wake)) started.push_back(item);
  ASSERT_EQ(started.size(), 3u);  // two to a, one to b
  EXPECT_EQ(std::count(started.begin(), started.end(), &items[10]), 1);
  EXPECT_EQ(scheduler.queued(), 2u);
  scheduler.finished("a:80");
  EXPECT_EQ(scheduler.pop_ready(now, wake), &items[2]);
  EXPECT_EQ(scheduler.pop_ready(now, wake), nullptr);
}

TEST(HostScheduler, KeepsTheMinimumIntervalAndRetryAfterPause) {
  HostScheduler scheduler(8, Milliseconds(100));
  Clock::time_point now = Clock::now();
  scheduler.push(&items[0], "a:80", now);
  scheduler.push(&items[1], "a:80", now);
  Clock::time_point wake = Clock::time_point::max();
  EXPECT_EQ(scheduler.pop_ready(now, wake), &items[0]);
  EXPECT_EQ(scheduler.pop_ready(now, wake), nullptr);
  EXPECT_EQ(wake, now + Milliseconds(100));
  EXPECT_EQ(scheduler.pop_ready(now + Milliseconds(100), wake), &items[1]);

  scheduler.pause_host("a:80", now + Milliseconds(2000));
  scheduler.push(&items[2], "a:80", now);
  wake = Clock::time_point::max();
  EXPECT_EQ(scheduler.pop_ready(now + Milliseconds(1999), wake), nullptr);
  EXPECT_EQ(wake, now + Milliseconds(2000));
  EXPECT_EQ(scheduler.pop_ready(now + Milliseconds(2000), wake), &items[2]);
}

TEST(HostScheduler, HoldsBackedOffItemsUntilTheirTime) {
  HostScheduler scheduler(4, Milliseconds(0));
  Clock::time_point now = Clock::now();
  scheduler.push(&items[0], "a:80", now + Milliseconds(500));
  Clock::time_point wake = Clock::time_point::max();
  EXPECT_EQ(scheduler.pop_ready(now, wake), nullptr);
  EXPECT_EQ(wake, now + Milliseconds(500));
  EXPECT_EQ(scheduler.pop_ready(now + Milliseconds(500), wake), &items[0]);
}

}  // namespace
}  // namespace marginalia::net
