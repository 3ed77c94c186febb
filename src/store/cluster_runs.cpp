// Saved clustering runs: the graph module computes, the store keeps.

#include "src/store/keys.hpp"
#include "src/store/library.hpp"
#include "src/store/store_impl.hpp"

namespace litrev {

using store::Use;

namespace {

void bind_optional(SQLite::Statement& s, int i, const std::optional<double>& v) {
  if (v) s.bind(i, *v);
  else s.bind(i);
}

ClusterRun run_from_row(SQLite::Statement& q) {
  ClusterRun r;
  r.id = q.getColumn(0).getInt64();
  r.network = q.getColumn(1).getString();
  r.quality_function = q.getColumn(2).getString();
  r.parameters_json = q.getColumn(3).getString();
  if (!q.getColumn(4).isNull()) r.seed = q.getColumn(4).getInt64();
  r.created_at = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) r.quality = q.getColumn(6).getDouble();
  if (!q.getColumn(7).isNull()) r.modularity = q.getColumn(7).getDouble();
  return r;
}

#define LITREV_RUN_COLUMNS "id, network, quality_function, parameters, seed, created_at, quality, modularity"

void read_clusters(store::Library& lib, ClusterRun& run) {
  Use q(lib.cache, "SELECT cluster, size, label, terms FROM cluster_labels WHERE run = ?1 ORDER BY cluster");
  q->bind(1, run.id);
  while (q->executeStep())
    run.clusters.push_back(ClusterRun::Cluster{q->getColumn(0).getInt64(), q->getColumn(1).getInt64(),
                                               q->getColumn(2).getString(), store::split_keywords(q->getColumn(3).getText())});
}

}  // namespace

std::int64_t Store::save_cluster_run(const ClusterRun& run) {
  auto& lib = impl_->lib;
  return store::guarded(lib, "saving a clustering run", [&] {
    return store::write_transaction(lib, [&] {
      {
        Use s(lib.cache,
              "INSERT INTO cluster_runs(network, quality_function, parameters, seed, created_at, quality, modularity) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        s->bind(1, run.network);
        s->bind(2, run.quality_function);
        s->bind(3, run.parameters_json.empty() ? std::string("{}") : run.parameters_json);
        if (run.seed) s->bind(4, *run.seed);
        else s->bind(4);
        s->bind(5, run.created_at.empty() ? store::now_utc() : run.created_at);
        bind_optional(*s, 6, run.quality);
        bind_optional(*s, 7, run.modularity);
        s->exec();
      }
      const auto id = lib.db.getLastInsertRowid();
      for (const auto& c : run.clusters) {
        Use s(lib.cache, "INSERT INTO cluster_labels(run, cluster, size, label, terms) VALUES (?1, ?2, ?3, ?4, ?5)");
        s->bind(1, id);
        s->bind(2, c.cluster);
        s->bind(3, c.size);
        s->bind(4, c.label);
        s->bind(5, store::join_keywords(c.terms));
        s->exec();
      }
      for (const auto& a : run.assignments) {
        Use s(lib.cache, "INSERT INTO cluster_assignments(run, work, identity, cluster) VALUES (?1, ?2, ?3, ?4)");
        s->bind(1, id);
        if (a.work) s->bind(2, *a.work);
        else s->bind(2);
        s->bind(3, a.identity);
        s->bind(4, a.cluster);
        s->exec();
      }
      return id;
    });
  });
}

std::vector<ClusterRun> Store::cluster_runs() const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "listing clustering runs", [&] {
    std::vector<ClusterRun> runs;
    {
      Use q(lib.cache, "SELECT " LITREV_RUN_COLUMNS " FROM cluster_runs ORDER BY id");
      while (q->executeStep()) runs.push_back(run_from_row(*q));
    }
    for (auto& r : runs) read_clusters(lib, r);
    return runs;
  });
}

std::optional<ClusterRun> Store::cluster_run(std::int64_t id) const {
  auto& lib = impl_->lib;
  return store::guarded(lib, "reading a clustering run", [&]() -> std::optional<ClusterRun> {
    std::optional<ClusterRun> run;
    {
      Use q(lib.cache, "SELECT " LITREV_RUN_COLUMNS " FROM cluster_runs WHERE id = ?1");
      q->bind(1, id);
      if (!q->executeStep()) return std::nullopt;
      run = run_from_row(*q);
    }
    read_clusters(lib, *run);
    Use q(lib.cache,
          "SELECT a.work, a.identity, a.cluster, w.key FROM cluster_assignments a LEFT JOIN works w ON w.id = a.work "
          "WHERE a.run = ?1 ORDER BY a.cluster, a.rowid");
    q->bind(1, id);
    while (q->executeStep()) {
      ClusterRun::Assignment a;
      if (!q->getColumn(0).isNull()) a.work = q->getColumn(0).getInt64();
      a.identity = q->getColumn(1).getString();
      a.cluster = q->getColumn(2).getInt64();
      if (!q->getColumn(3).isNull()) a.key = q->getColumn(3).getString();
      run->assignments.push_back(std::move(a));
    }
    return run;
  });
}

}  // namespace litrev
