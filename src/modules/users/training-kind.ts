import { registerEnumType } from 'type-graphql';
import { TrainingKind } from '../admin/workgroup.entity';

registerEnumType(TrainingKind, {
  name: 'TrainingKind',
  description: 'What a missing required training does to a user.',
  valuesConfig: {
    ASSESSMENT: {
      description:
        'Assessment training: while missing, assessments are read-only (access role AGENCY_STAFF_ASSESSMENT_TRAINING_PENDING).',
    },
    GENERAL: {
      description:
        'General training: while missing, the user cannot work with client data at all (state TRAINING_REQUIRED).',
    },
  },
});

export { TrainingKind };
