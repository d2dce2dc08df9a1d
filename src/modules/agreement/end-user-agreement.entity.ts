import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One published version of the End User Agreement (access model §2.4): Markdown text. */
@Entity()
export class EndUserAgreementVersion {
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'datetime' })
  publishedAt: Date;

  @Column({ type: 'int', nullable: true })
  publishedByUserId: number | null;
}
