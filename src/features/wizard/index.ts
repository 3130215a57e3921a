export { DomainStep } from './DomainStep.tsx';
export { ReviewPage } from './ReviewPage.tsx';
export { Stepper } from './Stepper.tsx';
export { NewAssessmentPage } from './NewAssessmentPage.tsx';
export { DetailsPage } from './DetailsPage.tsx';
export { SharedAnswersOffer } from './SharedAnswersOffer.tsx';
