import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Which Waypoint record an imported HUD CSV row became: keyed by the source system (Export.csv
 * SourceID, or its SourceName when it has none), the HUD file and the row's HUD id, so a re-import
 * of the same file matches the same records (idempotent) and a newer DateUpdated updates them.
 * Not exposed in GraphQL: only the import command reads it.
 */
@Entity()
@Index(['source', 'hudFile', 'hudId'], { unique: true })
export class HudImportMapping {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  source: string;

  @Column({ type: 'varchar', length: 40 })
  hudFile: string;

  @Column({ type: 'varchar', length: 64 })
  hudId: string;

  @Column()
  waypointId: number;

  /** The DateUpdated of the row last imported, HUD text (YYYY-MM-DD HH:MM:SS). */
  @Column({ type: 'varchar', length: 19 })
  hudDateUpdated: string;
}
