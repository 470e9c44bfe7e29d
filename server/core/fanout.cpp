#include "server/core/fanout.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "protocol/core/messages.hpp"
#include "server/core/core.hpp"
#include "server/core/delivery.hpp"

namespace praxis::server {

namespace {

using Index = std::uint32_t;  // into Fanout::events_

class Fanout {
 public:
  explicit Fanout(Core& core) : core_(core) {}

  void add(const std::vector<storage::Append>& appends) {
    for (const auto& a : appends) {
      auto subs = core_.hub.stream_connections(a.stream);
      if (subs->empty()) continue;
      const auto i = static_cast<Index>(events_.size());
      events_.push_back(
          {a.stream, a.seq, make_payload(protocol::event_frame(a.stream, a.seq, a.body))});
      // One run: the same stream, the next seq, the same subscribers.
      if (!runs_.empty()) {
        auto& last = runs_.back();
        const auto& prev = events_[last.events.back()];
        if (last.subs == subs && prev.stream == a.stream && prev.seq + 1 == a.seq) {
          last.events.push_back(i);
          continue;
        }
      }
      runs_.push_back({std::move(subs), {i}, nullptr});
    }
  }

  // Pushes what was gathered for c so far, if anything.
  void flush(const ConnectionPtr& c) {
    const auto [it, fresh] = sent_.try_emplace(c.get(), 0);
    const Index from = it->second;
    it->second = static_cast<Index>(events_.size());
    Connection::Item item;
    for (auto& run : runs_) {
      if (run.events.back() < from) continue;
      if (!std::binary_search(run.subs->begin(), run.subs->end(), c, by_address)) continue;
      item.events.push_back(events_of(run, from, false));
    }
    if (!item.events.empty()) enqueue(core_, c, std::move(item));
  }

  // Pushes everything still gathered: one item per receiver.
  void flush_all() {
    std::unordered_map<Connection*, std::pair<ConnectionPtr, Connection::Item>> items;
    for (auto& run : runs_) {
      for (const auto& c : *run.subs) {
        auto s = sent_.find(c.get());
        const Index from = s == sent_.end() ? 0 : s->second;
        if (run.events.back() < from) continue;
        auto& [conn, item] = items[c.get()];
        if (!conn) conn = c;
        item.events.push_back(events_of(run, from, true));
      }
    }
    for (auto& [raw, entry] : items) enqueue(core_, entry.first, std::move(entry.second));
  }

 private:
  struct Event {
    Id stream;
    Seq seq;
    Payload frame;
  };
  struct Run {
    Hub::Subscribers subs;      // ordered by address (Hub)
    std::vector<Index> events;  // consecutive seqs of one stream
    Payload whole;              // all of them encoded, once the run is complete
  };

  static bool by_address(const ConnectionPtr& a, const ConnectionPtr& b) {
    return std::less<>()(a.get(), b.get());
  }

  // The events of `run` from index `from` on; `complete`: the run grows no
  // more (the encoding of all of it is kept for the next receiver).
  Connection::Events events_of(Run& run, Index from, bool complete) {
    auto first = std::lower_bound(run.events.begin(), run.events.end(), from);
    const auto& head = events_[*first];
    Connection::Events out{head.stream, head.seq, events_[run.events.back()].seq, nullptr};
    if (complete && first == run.events.begin()) {
      if (!run.whole) run.whole = encode(first, run.events.end());
      out.payload = run.whole;
    } else {
      out.payload = encode(first, run.events.end());
    }
    return out;
  }

  Payload encode(std::vector<Index>::const_iterator first,
                 std::vector<Index>::const_iterator last) const {
    if (last - first == 1) return events_[*first].frame;
    std::size_t bytes = 0;
    for (auto i = first; i != last; ++i) bytes += events_[*i].frame->size() + 1;
    std::string text;
    text.reserve(bytes);
    for (auto i = first; i != last; ++i) {
      if (!text.empty()) text += '\n';
      text += *events_[*i].frame;
    }
    return make_payload(std::move(text));
  }

  Core& core_;
  std::vector<Event> events_;
  std::vector<Run> runs_;
  // Receivers flushed during the batch: events before this index are theirs already.
  std::unordered_map<Connection*, Index> sent_;
};

thread_local Fanout* gathering = nullptr;

}  // namespace

void gather_fanout(Core& core, const std::function<void()>& run_done) {
  Fanout fanout(core);
  gathering = &fanout;
  struct Reset {
    ~Reset() { gathering = nullptr; }
  } reset;
  run_done();
  gathering = nullptr;
  fanout.flush_all();
}

void publish(Core& core, const std::vector<storage::Append>& appends) {
  if (gathering) return gathering->add(appends);
  Fanout fanout(core);
  fanout.add(appends);
  fanout.flush_all();
}

void flush_fanout(const ConnectionPtr& c) {
  if (gathering) gathering->flush(c);
}

}  // namespace praxis::server
