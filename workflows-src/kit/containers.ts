/**
 * Containers of a job: the `container` its steps run in and its `services`. A
 * service is a handle, so `pg.port(5432)` reads `job.services.<id>.ports[5432]` of a
 * service the job actually runs.
 */
import { Expr, type Value } from "./expr.ts";

/** Registry credentials of an image. */
export interface Credentials {
  readonly username?: Value;
  readonly password?: Value;
}

/** A container: the image and how it runs (`job.container`, or a service). */
export interface ContainerSpec {
  readonly image: Value;
  readonly credentials?: Credentials;
  readonly env?: Readonly<Record<string, Value>>;
  readonly ports?: readonly (number | Value)[];
  readonly volumes?: readonly Value[];
  readonly options?: Value;
}

/** A service container. */
export interface ServiceSpec extends ContainerSpec {
  readonly command?: Value;
  readonly entrypoint?: Value;
}

/** A service of a job: its id, its definition, and what steps may read of it. */
export interface Service {
  readonly kind: "service";
  readonly id: string;
  readonly spec: ServiceSpec;
  /** `job.services.<id>.id`: the container id. */
  readonly containerId: Expr<string>;
  /** `job.services.<id>.network`: the network id. */
  readonly network: Expr<string>;
  /** `job.services.<id>.ports[<port>]`: the host port mapped to a container port. */
  port(containerPort: number | string): Expr<string>;
}

/**
 * Declares a service container; put it in a job's `services` list.
 * @example const db = service("postgres", { image: "postgres:16", ports: [5432] });
 */
export function service(id: string, spec: ServiceSpec): Service {
  const read = (name: string, text: string): Expr<string> => new Expr<string>(`job.services.${id}.${text}`, [{ kind: "service", owner: handle, name }]);
  const handle: Service = {
    kind: "service",
    id,
    spec,
    get containerId() {
      return read("id", "id");
    },
    get network() {
      return read("network", "network");
    },
    port: (containerPort) => read("ports", `ports[${typeof containerPort === "number" ? containerPort : `'${containerPort.replaceAll("'", "''")}'`}]`),
  };
  return handle;
}
