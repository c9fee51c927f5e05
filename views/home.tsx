import type { StoredCheckpoint } from "../src/store/checkpoints.ts";
import { Layout } from "./layout.tsx";

export function HomePage(props: { checkpoints: StoredCheckpoint[] }) {
  return (
    <Layout title="Border crossing queue">
      <h1>Shekara</h1>
      <p>The electronic queue and Smart Customs simulator for Kazakhstan's road border crossings.</p>
      <nav class="ways">
        <a class="button" href="/drive">
          I drive a truck: declare and book
        </a>
        <a class="button secondary" href="/officer">
          Customs officers
        </a>
        <a class="button secondary" href="/planner">
          Planners
        </a>
      </nav>
      <h2>Checkpoints</h2>
      <ul class="checkpoints">
        {props.checkpoints.map((c) => (
          <li>
            <strong>{c.name}</strong> <span class="muted">to {c.neighbourCheckpoint}</span> ·{" "}
            <a href={`/board/${c.id}`}>queue board</a>
            <br />
            <span class="muted">
              {c.config.documentLanes} lanes · {c.config.scanners} scanners · {c.config.dailyLimit} trucks/day
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
