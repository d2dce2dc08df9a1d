import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { parseId } from '../../graphql/connection';
import { badInput } from '../../graphql/errors';
import { optionalText, requiredText } from '../../graphql/validate';
import { DataCollectionStage } from '../../hud';
import {
  checkCode,
  checkLivingSituation,
  checkReferralResult,
  checkRentalSubsidy,
  checkTypeProvided,
} from '../../hud/validate';
import { DeleteInput } from '../client/client.inputs';
import { Assessment } from './assessment.entity';
import { CeEvent } from './ce-event.entity';
import { CurrentLivingSituation } from './current-living-situation.entity';
import { HealthAndDv } from './health-and-dv.entity';
import { Service } from './service.entity';
import { assessmentResults } from '../ce/instrument.service';
import { placeOnList } from '../ce/priority-list.service';
import {
  CreateAssessmentInput,
  CreateCeEventInput,
  CreateCurrentLivingSituationInput,
  CreateHealthAndDvInput,
  CreateServiceInput,
} from './transaction.inputs';
import {
  assertWithinEnrollment,
  createEnrollmentTransaction,
  deleteTransaction,
} from './transaction.service';

/** Thin resolvers: each mutation validates its own fields and hands over to the shared transaction path. */
@Resolver()
export class TransactionResolver {
  @Query(() => Service, {
    nullable: true,
    description: 'A service by id; null when it does not exist or is not visible to you.',
  })
  async service(@Arg('id', () => ID, { description: 'Service id.' }) id: string, @Ctx() ctx: RequestContext) {
    const serviceId = parseId(id);
    if (serviceId === null) return null;
    const [service] = await ctx.loaders.transactionsById(Service, [serviceId]);
    if (service) ctx.reads.client(service.clientId);
    return service ?? null;
  }

  @Mutation(() => Service, {
    description: 'Record a service (e.g. a bed night) in an enrollment of the active organization.',
  })
  createService(
    @Arg('input', { description: 'The service.' }) input: CreateServiceInput,
    @Ctx() ctx: RequestContext,
  ) {
    checkTypeProvided('input.typeProvided', input.recordType, input.typeProvided);
    return createEnrollmentTransaction(ctx, Service, 'Service', 'createService', input, (tx) => {
      assertWithinEnrollment('input.dateProvided', input.dateProvided, tx);
      return {
        dateProvided: input.dateProvided,
        recordType: input.recordType,
        typeProvided: input.typeProvided,
        otherTypeProvided: optionalText('input.otherTypeProvided', input.otherTypeProvided, 100),
      };
    });
  }

  @Mutation(() => Boolean, {
    description: 'Soft-delete a service; needs the AGENCY_MANAGER or SYSTEM_ADMINISTRATOR role.',
  })
  deleteService(
    @Arg('input', { description: 'Which service, and the version you read.' }) input: DeleteInput,
    @Ctx() ctx: RequestContext,
  ) {
    return deleteTransaction(ctx, Service, 'Service', 'deleteService', input.id, input.version);
  }

  @Mutation(() => CurrentLivingSituation, {
    description: 'Record a current living situation contact (HUD 4.12).',
  })
  createCurrentLivingSituation(
    @Arg('input', { description: 'The contact.' }) input: CreateCurrentLivingSituationInput,
    @Ctx() ctx: RequestContext,
  ) {
    checkLivingSituation('input.currentLivingSituation', 'current', input.currentLivingSituation);
    checkRentalSubsidy(
      'input.clsSubsidyType',
      input.clsSubsidyType,
      'the current living situation',
      input.currentLivingSituation,
    );
    return createEnrollmentTransaction(
      ctx,
      CurrentLivingSituation,
      'CurrentLivingSituation',
      'createCurrentLivingSituation',
      input,
      (tx) => {
        assertWithinEnrollment('input.informationDate', input.informationDate, tx);
        return {
          informationDate: input.informationDate,
          currentLivingSituation: input.currentLivingSituation,
          clsSubsidyType: input.clsSubsidyType ?? null,
          locationDetails: optionalText('input.locationDetails', input.locationDetails, 250),
        };
      },
    );
  }

  @Mutation(() => Assessment, {
    description:
      'Record a coordinated entry assessment (HUD 4.19). Read-only while assessment training is pending.',
  })
  async createAssessment(
    @Arg('input', { description: 'The assessment.' }) input: CreateAssessmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    const computed = await assessmentResults(ctx, input);
    return createEnrollmentTransaction(
      ctx,
      Assessment,
      'Assessment',
      'createAssessment',
      input,
      (tx) => {
        assertWithinEnrollment('input.assessmentDate', input.assessmentDate, tx);
        return {
          assessmentDate: input.assessmentDate,
          assessmentLocation: requiredText('input.assessmentLocation', input.assessmentLocation, 200),
          assessmentType: input.assessmentType,
          assessmentLevel: input.assessmentLevel,
          ...computed,
        };
      },
      (m, saved, tx) => placeOnList(m, ctx, saved, tx.enrollment, tx.program),
    );
  }

  @Mutation(() => CeEvent, { description: 'Record a coordinated entry event such as a referral (HUD 4.20).' })
  createCeEvent(
    @Arg('input', { description: 'The event.' }) input: CreateCeEventInput,
    @Ctx() ctx: RequestContext,
  ) {
    checkReferralResult('input', input.event, input.referralResult, input.resultDate);
    return createEnrollmentTransaction(ctx, CeEvent, 'CeEvent', 'createCeEvent', input, (tx) => {
      assertWithinEnrollment('input.eventDate', input.eventDate, tx);
      if (input.resultDate && input.resultDate < input.eventDate)
        throw badInput('input.resultDate', 'is before the event date');
      return {
        eventDate: input.eventDate,
        event: input.event,
        locationCrisisOrPhHousing: optionalText(
          'input.locationCrisisOrPhHousing',
          input.locationCrisisOrPhHousing,
          200,
        ),
        referralResult: input.referralResult ?? null,
        resultDate: input.resultDate ?? null,
      };
    });
  }

  @Mutation(() => HealthAndDv, { description: 'Record health and domestic violence answers (HUD 4.11, R7).' })
  createHealthAndDv(
    @Arg('input', { description: 'The answers.' }) input: CreateHealthAndDvInput,
    @Ctx() ctx: RequestContext,
  ) {
    checkCode(
      'input.dataCollectionStage',
      DataCollectionStage,
      input.dataCollectionStage,
      'data collection stage',
    );
    if (input.dataCollectionStage === DataCollectionStage.POST_EXIT)
      throw badInput(
        'input.dataCollectionStage',
        'health and domestic violence answers are not collected post-exit',
      );
    return createEnrollmentTransaction(ctx, HealthAndDv, 'HealthAndDv', 'createHealthAndDv', input, (tx) => {
      assertWithinEnrollment('input.informationDate', input.informationDate, tx);
      return {
        informationDate: input.informationDate,
        dataCollectionStage: input.dataCollectionStage ?? DataCollectionStage.PROJECT_START,
        domesticViolenceSurvivor: input.domesticViolenceSurvivor ?? null,
        whenOccurred: input.whenOccurred ?? null,
        currentlyFleeing: input.currentlyFleeing ?? null,
        generalHealthStatus: input.generalHealthStatus ?? null,
      };
    });
  }
}
